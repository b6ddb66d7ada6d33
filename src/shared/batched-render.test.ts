import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { watchBatches } from '../../test/batched-list.js';
import { BatchedRenderController } from './batched-render.js';
import { RENDER_SLICE_MS } from './render-slices.js';
import { WidgetElement } from './widget-element.js';

const FIRST_BATCH = 6;

/** A list of `count` items, each holding the main thread `itemMs` to render (a card on a slow phone, or a cheap line). */
class TestBatchedList extends WidgetElement {
  static override properties = { count: {}, itemMs: {} };
  declare count: number;
  declare itemMs: number;
  readonly batches = new BatchedRenderController(this, FIRST_BATCH);
  private readonly items = Array.from({ length: 200 }, (_, i) => i);

  override render() {
    const shown = this.batches.takeItems(this.items, this.items.slice(0, this.count));
    return html`<ul aria-busy=${this.batches.growing ? 'true' : 'false'}>
      ${shown.map((i) => {
        const until = performance.now() + this.itemMs;
        while (performance.now() < until);
        return html`<li>${i}</li>`;
      })}
    </ul>`;
  }
}
customElements.define('test-batched-list', TestBatchedList);

async function batchesOf(count: number, itemMs: number): Promise<{ counts: number[]; busy: (string | null)[] }> {
  const el = document.createElement('test-batched-list') as TestBatchedList;
  el.count = count;
  el.itemMs = itemMs;
  document.body.append(el); // its shadow root is made now, its first render comes in a microtask
  const watch = watchBatches(el.shadowRoot!, () => el.shadowRoot!.querySelectorAll('li').length, 'ul');
  try {
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('li').length, 'the whole list in the end').to.equal(count);
    return { counts: [...watch.counts], busy: [...watch.busy] };
  } finally {
    watch.stop();
    el.remove();
  }
}

const sizes = (counts: number[]) => counts.map((n, i) => n - (counts[i - 1] ?? 0));

describe('BatchedRenderController', () => {
  it('shows the first batch at once, then no bigger batches when items are slow (each batch still fits a phone’s moment)', async () => {
    // Each item takes a third of a slice: the first batch alone is longer than a slice.
    const { counts, busy } = await batchesOf(30, RENDER_SLICE_MS / 3);
    const [first, ...rest] = sizes(counts);
    expect(first, 'the first batch').to.equal(FIRST_BATCH);
    expect(rest.length, 'later batches').to.be.greaterThan(0);
    expect(Math.max(...rest.slice(0, -1)), 'later batches (the last may be a remainder)').to.equal(FIRST_BATCH);
    expect(busy.at(0)).to.equal('true');
    expect(busy.at(-1)).to.equal('false');
  });

  it('takes more items a task when they are cheap, so a long list of light items is not spread over many tasks', async () => {
    const { counts } = await batchesOf(120, 0);
    const [first, ...rest] = sizes(counts);
    expect(first).to.equal(FIRST_BATCH);
    expect(Math.max(...rest), 'later batches grow past the first').to.be.greaterThan(FIRST_BATCH);
    expect(Math.max(...rest), 'but not without bound').to.be.at.most(FIRST_BATCH * 8);
  });
});
