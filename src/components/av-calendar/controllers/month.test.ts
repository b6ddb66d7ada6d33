import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { openMockWorld, type MockWorld } from '../../../../test/mock.js';
import { cachedMonth, type MonthQuery } from '../../../shared/audienceview/month-cache.js';
import { MonthController } from './month.js';

/**
 * A host that shows what the month's controller gives it: "loading", the month's number of days,
 * or the error; its `prepare` (the calendar's views, made in slices) waits until the test lets it go.
 */
class MonthHost extends LitElement {
  query!: MonthQuery;
  prepared = 0;
  /** The months whose views were made, as `YYYY-M`. */
  readonly preparedMonths: string[] = [];
  private release?: () => void;
  readonly data = new MonthController(
    this,
    () => this.query,
    (error) => error as Error,
    async () => undefined,
    async (_month, query) => {
      this.prepared++;
      this.preparedMonths.push(`${query.year}-${query.month}`);
      await new Promise<void>((resolve) => (this.release = resolve));
    },
  );

  /** Lets the run's `prepare` finish. */
  finishPreparing(): void {
    this.release?.();
  }

  override render() {
    return this.data.render({
      loading: () => 'loading',
      month: ({ answer }) => `${Object.keys(answer.performancesByDateDisplay ?? {}).length} days`,
      error: (error) => `error: ${error.message}`,
    });
  }
}
customElements.define('month-controller-host', MonthHost);

describe('MonthController: what shows while the month loads', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: '2027-03-01T17:00:00Z' });
  });

  async function host(): Promise<MonthHost> {
    const el = document.createElement('month-controller-host') as MonthHost;
    el.query = { apiBase: mock.base('audienceview'), clientId: '284', year: 2027, month: 3 };
    return fixture<MonthHost>(html`${el}`);
  }

  it('shows the skeleton until the month is ready, even once its answer is in memory (a heavy month is not made into views in one go)', async () => {
    const el = await host();
    await waitUntil(() => el.prepared === 1, 'the month never reached its preparation', { timeout: 8000 });
    expect(cachedMonth(el.query), 'the answer is in memory').to.not.equal(undefined);
    // Anything may render the element meanwhile (a late chunk, a resize): the month waits for its run.
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('loading');
    el.finishPreparing();
    await waitUntil(() => el.shadowRoot!.textContent!.endsWith(' days'), 'the month never showed');
    expect(Number.parseInt(el.shadowRoot!.textContent!)).to.be.greaterThan(27);
  });

  it('shows a month already in memory at once while it is refreshed', async () => {
    const first = await host();
    await waitUntil(() => first.prepared === 1, 'the month never reached its preparation', { timeout: 8000 });
    first.finishPreparing();
    await waitUntil(() => first.shadowRoot!.textContent!.endsWith(' days'), 'the month never showed');

    const second = await host();
    expect(second.shadowRoot!.textContent, 'the month from memory, before its refresh').to.match(/^\d+ days$/);
    await waitUntil(() => second.prepared === 1, 'the refresh never came', { timeout: 8000 });
    second.finishPreparing();
  });

  it("makes a prefetched month's views ahead of the click that shows it (not in the render after the tap)", async () => {
    const el = await host();
    await waitUntil(() => el.prepared === 1, 'the month never reached its preparation', { timeout: 8000 });
    el.finishPreparing();
    el.data.prefetch(1); // the pointer reached "Next month"
    await waitUntil(() => el.preparedMonths.includes('2027-4'), "April's views were not made ahead", { timeout: 8000 });
    expect(cachedMonth({ ...el.query, month: 4 }), 'April is in memory').to.not.equal(undefined);
    el.finishPreparing();
  });
});
