/**
 * The vendor's answer is asked for before the page's first date format. A browser sets up ICU's
 * date data at its first `Intl.DateTimeFormat` (30–70 ms on a desktop, a phone several times
 * that), and an element's first request needs no format: its attributes are checked and its
 * month is known without one (away from a month's edge). So the request leaves first, and the
 * set-up is done while the answer travels (on a mobile network, two round trips with CORS's
 * preflight), instead of before the request or after the answer.
 *
 * Each test watches the page's `fetch` and `Intl.DateTimeFormat` while one element loads, in a
 * venue zone no earlier test used (formats are kept per zone, so each element makes its own).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { watchDateFormats } from '../date-formats.js';
import { openMockWorld } from '../mock.js';
import '../../src/components/av-calendar/index.js';
import '../../src/components/av-event-list/index.js';
import '../../src/components/av-series-list/index.js';

/** 24 March 2027, mid-afternoon in the Americas: far from a month's edge. */
const NOW = Date.parse('2027-03-24T20:00:00Z');

type Step = { kind: 'format' } | { kind: 'request' | 'answer'; url: string };

/** Logs, in order, each request the page sends, each answer it gets and each date format it makes, until `stop()`. */
function watchRequestsAndFormats(): { steps: Step[]; stop(): void } {
  const steps: Step[] = [];
  const formats = watchDateFormats(() => steps.push({ kind: 'format' }));
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    steps.push({ kind: 'request', url });
    return realFetch(input, init).then((response) => {
      steps.push({ kind: 'answer', url });
      return response;
    });
  };
  return {
    steps,
    stop() {
      formats.restore();
      window.fetch = realFetch;
    },
  };
}

const cases = [
  { tag: 'av-calendar', zone: 'America/Chicago', attributes: { view: 'list' } },
  { tag: 'av-event-list', zone: 'America/Denver', attributes: {} },
  { tag: 'av-series-list', zone: 'America/Phoenix', attributes: {} },
];

describe("An element's first request leaves before the page's first date format", function () {
  this.timeout(20000);

  for (const c of cases) {
    it(`<${c.tag}> (${c.zone}): asks AudienceView first, then sets up its date formats while the answer travels`, async () => {
      const mock = await openMockWorld({ now: NOW });
      const vendor = mock.base('audienceview');
      // A network's answer takes a while (on a phone, two round trips with the preflight); the loopback's could come
      // back before the task after the request's, where the card lists make their first format.
      await mock.fault({ vendor: 'audienceview', kind: 'delay', delayMs: 150 });
      const slot = await fixture<HTMLElement>(html`<div style="width: 390px"></div>`);
      const watch = watchRequestsAndFormats();
      const el = document.createElement(c.tag) as HTMLElement & { now?: number };
      try {
        for (const [name, value] of Object.entries({ 'api-base': vendor, 'client-id': '284', 'time-zone': c.zone, locale: 'en', ...c.attributes })) el.setAttribute(name, value);
        el.now = NOW;
        slot.append(el);
        await waitUntil(() => !el.shadowRoot?.querySelector('[part~="loading"]') && el.shadowRoot!.querySelector('[part~="list"], .grid, [part~="series"]'), `<${c.tag}> did not show its answer`, { timeout: 10000 });
      } finally {
        watch.stop();
      }
      expect(el.shadowRoot!.querySelector('[part~="error"]'), 'the element loaded without an error').to.equal(null);
      const firstRequest = watch.steps.findIndex((s) => s.kind === 'request' && s.url.startsWith(vendor));
      const firstFormat = watch.steps.findIndex((s) => s.kind === 'format');
      const firstAnswer = watch.steps.findIndex((s) => s.kind === 'answer' && s.url.startsWith(vendor));
      const steps = `steps: ${watch.steps.map((s) => s.kind).join(', ')}`;
      expect(firstRequest, 'the element asked AudienceView').to.be.at.least(0);
      expect(firstFormat, 'the element formats dates in its zone (else this test says nothing)').to.be.at.least(0);
      expect(firstRequest, `the request leaves before the first format; ${steps}`).to.be.below(firstFormat);
      expect(firstFormat, `the first format is made while the answer travels; ${steps}`).to.be.below(firstAnswer);
    });
  }

  it('<av-calendar view="auto"> asks for its month before it measures its width (a layout of the whole page), and still opens as a list when narrow', async () => {
    const mock = await openMockWorld({ now: NOW });
    const vendor = mock.base('audienceview');
    const slot = await fixture<HTMLElement>(html`<div style="width: 390px"></div>`);
    const steps: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).startsWith(vendor)) steps.push('request');
      return realFetch(input, init);
    };
    const el = document.createElement('av-calendar') as HTMLElement & { now?: number };
    el.getBoundingClientRect = () => {
      steps.push('measure');
      return HTMLElement.prototype.getBoundingClientRect.call(el);
    };
    try {
      for (const [name, value] of Object.entries({ 'api-base': vendor, 'client-id': '284', 'time-zone': 'America/Regina', locale: 'en' })) el.setAttribute(name, value);
      el.now = NOW;
      slot.append(el);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="list"], .grid'), '<av-calendar> did not show its month', { timeout: 10000 });
    } finally {
      window.fetch = realFetch;
    }
    expect(steps.indexOf('request'), `the month was asked for; steps: ${steps.join(', ')}`).to.equal(0);
    expect(steps.indexOf('measure'), `the width was measured, after the requests; steps: ${steps.join(', ')}`).to.be.above(0);
    expect(el.shadowRoot!.querySelector('[part~="list"]'), 'a 390 px calendar opens as a list').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.grid'), 'and never as a grid').to.equal(null);
  });
});
