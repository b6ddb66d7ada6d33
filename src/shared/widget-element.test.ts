import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { thisTaskEnds } from '../../test/page-tasks.js';
import { WidgetEvent } from './events.js';
import { lateContentSettled } from './late-content.js';
import type { Catalog } from './locale.js';
import { untilNextTask } from '../api/next-task.js';
import { RENDER_SLICE_MS } from './render-slices.js';
import { configKey, define, FocusAfterRender, LocalizeController, WidgetElement } from './widget-element.js';

interface GreetingMessages {
  hello: string;
}
const GREETINGS: Catalog<GreetingMessages> = {
  en: { hello: 'Hello' },
  others: async () => ({ default: { fr: { hello: 'Bonjour' }, nl: { hello: 'Hallo' }, de: { hello: 'Guten Tag' }, es: { hello: 'Hola' } } }),
};

class GreetEvent extends WidgetEvent<{ name: string }> {
  constructor(detail: { name: string }) {
    super('test-greet', detail);
  }
}
class GreetErrorEvent extends WidgetEvent<{ error: Error }> {
  constructor(detail: { error: Error }) {
    super('test-greet-error', detail);
  }
}
declare global {
  interface HTMLElementEventMap {
    'test-greet': GreetEvent;
    'test-greet-error': GreetErrorEvent;
  }
  interface HTMLElementTagNameMap {
    'test-widget-greeting': TestGreeting;
    'test-slow-widget': TestSlowWidget;
  }
}

class TestGreeting extends WidgetElement {
  @property() locale?: string;
  @state() private step: 'form' | 'done' = 'form';
  readonly words = new LocalizeController(this, GREETINGS);
  readonly focusAfter = new FocusAfterRender(this);
  greet(name: string): boolean {
    return this.emit('test-greet', new GreetEvent({ name }));
  }
  greetWrongly(): boolean {
    return this.emit('test-greet', new GreetErrorEvent({ error: new Error('x') }) as unknown as GreetEvent);
  }
  fail(thrown: unknown): Error {
    return this.reportError(thrown, 'test-greet-error', GreetErrorEvent);
  }
  finish(): void {
    this.step = 'done';
    this.focusAfter.request('.result');
  }
  override render() {
    const m = this.words.ready;
    if (!m) return html`<p class="loading">…</p>`;
    return this.step === 'form' ? html`<button>${m.hello}</button>` : html`<p class="result" tabindex="-1">${m.hello}!</p>`;
  }
}
define('test-widget-greeting', TestGreeting);

/** An element whose every render holds the main thread for longer than a render slice (a big answer on a phone). */
class TestSlowWidget extends WidgetElement {
  @property() answer = '';
  override render() {
    const until = performance.now() + RENDER_SLICE_MS + 4;
    while (performance.now() < until);
    return html`<p>${this.answer}</p>`;
  }
}
define('test-slow-widget', TestSlowWidget);

/** Runs `check` in the next task (a message, as a tap's event would come): what the page could do between renders. */
const inNextTask = <T>(check: () => T) => untilNextTask().then(check);

describe('WidgetElement, the one element base', () => {
  it('defines a tag once: a second load of the same element (or another version) does not throw and keeps the first', () => {
    class AnotherVersion extends TestGreeting {}
    expect(() => define('test-widget-greeting', AnotherVersion)).not.to.throw();
    expect(customElements.get('test-widget-greeting')).to.equal(TestGreeting);
  });

  it('writes in the page language once it has arrived, in English meanwhile', async () => {
    const el = await fixture<TestGreeting>(fixtureHtml`<div lang="fr"><test-widget-greeting></test-widget-greeting></div>`).then((d) => d.querySelector('test-widget-greeting')!);
    await lateContentSettled();
    await waitUntil(() => el.shadowRoot!.querySelector('button')?.textContent === 'Bonjour', 'French words arrive and the element renders again');
    expect(el.words.words.hello).to.equal('Bonjour');
    el.locale = 'de-CH';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Guten Tag');
    el.locale = 'ja';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent, 'a language without words reads English').to.equal('Hello');
  });

  it('emits its own events, bubbling out of shadow roots, and refuses an event of another type', async () => {
    const page = await fixture<HTMLDivElement>(fixtureHtml`<div><test-widget-greeting></test-widget-greeting></div>`);
    const el = page.querySelector('test-widget-greeting')!;
    const seen: string[] = [];
    page.addEventListener('test-greet', (event) => seen.push(event.detail.name));
    expect(el.greet('Ada')).to.equal(true);
    expect(seen).to.deep.equal(['Ada']);
    expect(() => el.greetWrongly()).to.throw(TypeError, /test-greet-error/);
  });

  it('reports whatever was thrown as an Error in its error event', async () => {
    const el = await fixture<TestGreeting>(fixtureHtml`<test-widget-greeting></test-widget-greeting>`);
    let reported: Error | undefined;
    el.addEventListener('test-greet-error', (event) => (reported = event.detail.error));
    const error = el.fail('vendor said no');
    expect(error).to.be.instanceOf(Error);
    expect(error.message).to.equal('vendor said no');
    expect(reported).to.equal(error);
  });

  it('moves focus to what the next render shows', async () => {
    const el = await fixture<TestGreeting>(fixtureHtml`<test-widget-greeting></test-widget-greeting>`);
    el.finish();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.className).to.equal('result');
  });

  it('renders two answers that arrive together in tasks of their own, so the page gets the main thread between them', async () => {
    const [first, second] = [document.createElement('test-slow-widget'), document.createElement('test-slow-widget')];
    document.body.append(first, second);
    await Promise.all([first.updateComplete, second.updateComplete]);
    try {
      // The answers come well after the skeletons: the slice their renders opened has closed (it closes with a message
      // of its own channel, which WebKitGTK may deliver after a later one of another channel).
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Both answers in one task, as when elements share a fetch.
      first.answer = 'March';
      second.answer = 'Season';
      // Counted at the end of this task (test/page-tasks.ts; a queued message was the probe before, but WebKitGTK ran
      // it after both renders in a CI run: it does not keep the order of messages across separate MessageChannels).
      let shownInThisTask: number | undefined;
      thisTaskEnds(() => (shownInThisTask = [first, second].filter((el) => el.shadowRoot!.textContent === 'March' || el.shadowRoot!.textContent === 'Season').length));
      await Promise.all([first.updateComplete, second.updateComplete]);
      await inNextTask(() => undefined); // the task of the answers is over, whatever it held
      expect(shownInThisTask, 'answers shown before the page next had the main thread').to.equal(1);
      expect([first.shadowRoot!.textContent, second.shadowRoot!.textContent]).to.deep.equal(['March', 'Season']);
    } finally {
      first.remove();
      second.remove();
    }
  });

  it('answers an element’s own change at once after its own long render (turns are between elements)', async () => {
    const el = document.createElement('test-slow-widget');
    document.body.append(el);
    try {
      await el.updateComplete;
      await inNextTask(() => undefined);
      el.answer = 'April';
      await el.updateComplete; // a render longer than a slice
      let pageHadATask = false;
      const task = inNextTask(() => (pageHadATask = true));
      el.answer = 'May'; // a click right after it
      await el.updateComplete;
      expect(pageHadATask, 'the second render waited for a task').to.equal(false);
      expect(el.shadowRoot!.textContent).to.equal('May');
      await task;
    } finally {
      el.remove();
    }
  });

  it('paints every skeleton together: first renders never wait their turn', async () => {
    const widgets = [1, 2, 3].map(() => document.createElement('test-slow-widget'));
    const renderedBefore = inNextTask(() => widgets.filter((el) => el.hasUpdated).length);
    document.body.append(...widgets);
    try {
      expect(await renderedBefore).to.equal(3);
    } finally {
      widgets.forEach((el) => el.remove());
    }
  });

  it('keys a configuration so that no two different configurations collide', () => {
    expect(configKey('a', 'bc')).not.to.equal(configKey('ab', 'c'));
    expect(configKey('a', undefined, 2)).to.equal(configKey('a', '', '2'));
  });
});
