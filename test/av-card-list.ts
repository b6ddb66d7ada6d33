/**
 * What <av-series-list> and <av-event-list> must both do when AudienceView fails, written once
 * and run against each: the vendor's own error with retry, an HTML error page, a CORS block, and
 * the skeleton while the answer is slow.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { MockWorld } from './mock.js';
import { lateContentSettled } from '../src/shared/late-content.js';
import type { WidgetErrorDetail, WidgetEvent } from '../src/shared/events.js';

export interface CardListUnderTest {
  tag: 'av-series-list' | 'av-event-list';
  /** Part of the vendor path the element reads first, for faults (`/series/`, `/calendar/`). */
  vendorPath: string;
  /** How many answers one failure takes (the calendar's month is asked for in both numberings before it fails). */
  vendorErrorTimes?: number;
  /** The element's `now`: the mock world's, where the element reads a time window. */
  now?: number;
  /** The skeleton's words for screen readers. */
  loadingText: string;
  /** How many items the patron sees. */
  shown(root: ShadowRoot): number;
}

/** Waits until a card list shows its answer, an error or "nothing", with late chunks in. */
export async function cardListSettled(el: HTMLElement): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('[part="list"], [part="error"], .empty'), 'the element did not finish loading', { timeout: 8000 });
  await lateContentSettled(); // the sanitizer and the page's language arrive as their own chunks
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Defines the shared failure tests inside the caller's `describe`. */
export function cardListFailureTests(element: CardListUnderTest, world: () => MockWorld): void {
  const mount = async (settle = true) => {
    const el = document.createElement(element.tag);
    el.setAttribute('client-id', '284');
    el.setAttribute('api-base', world().base('audienceview'));
    if (element.now !== undefined) (el as HTMLElement & { now?: number }).now = element.now;
    const errors: string[] = [];
    el.addEventListener('av-error', (e) => errors.push((e as WidgetEvent<WidgetErrorDetail>).detail.error.name));
    await fixture(el);
    if (settle) await cardListSettled(el);
    const root = el.shadowRoot!;
    return { el, root, errors, error: () => root.querySelector<HTMLElement>('[part="error"]') };
  };
  const retried = async (page: Awaited<ReturnType<typeof mount>>) => {
    page.root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => element.shown(page.root) > 0, 'retry did not load the answer', { timeout: 5000 });
    expect(page.error()).to.equal(null);
  };

  it("shows a vendor error in the vendor's words, fires av-error, and retries", async () => {
    await world().fault({ vendor: 'audienceview', path: element.vendorPath, kind: 'vendor-error', message: 'The box office is resting.', times: element.vendorErrorTimes ?? 1 });
    const page = await mount();
    expect(page.error()!.dataset.errorName).to.equal('VendorError');
    expect(page.error()!.textContent).to.contain('The box office is resting.');
    expect(page.errors).to.deep.equal(['VendorError']);
    await retried(page);
  });

  it('explains an HTML error page and a CORS block, and recovers', async () => {
    await world().fault({ vendor: 'audienceview', path: element.vendorPath, kind: 'html', status: 403 });
    let page = await mount();
    expect(page.error()!.dataset.errorName).to.equal('ParseError');
    expect(page.error()!.textContent).to.contain('AudienceView sent an unexpected answer');
    await world().clearFaults();

    await world().fault({ vendor: 'audienceview', path: element.vendorPath, kind: 'cors-block' });
    page = await mount();
    expect(page.error()!.dataset.errorName).to.equal('NetworkError');
    expect(page.error()!.textContent).to.contain("this site's address must be allowed by AudienceView");
    await world().clearFaults();
    await retried(page);
  });

  it('shows an accessible skeleton while loading', async () => {
    await world().fault({ vendor: 'audienceview', path: element.vendorPath, kind: 'delay', delayMs: 400, times: 1 });
    const page = await mount(false);
    const loading = page.root.querySelector('[part="loading"]')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.textContent!.replace(/\s+/g, ' ').trim()).to.equal(element.loadingText);
    await cardListSettled(page.el);
    expect(page.root.querySelector('[part="loading"]')).to.equal(null);
    expect(element.shown(page.root)).to.be.greaterThan(0);
  });
}
