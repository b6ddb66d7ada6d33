/**
 * A type test for `venue-widgets/svelte` (what svelte-check would check in markup): the eight tags
 * in `SvelteHTMLElements`, with typed properties and `on<event>` listeners. Checked by `npm run typecheck`.
 */
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'venue-widgets/svelte';

export const eventList: SvelteHTMLElements['av-event-list'] = {
  'client-id': 284,
  limit: 3,
  'onav-performance-click': (event) => event.detail.performance.productionName,
};

export const gate: SvelteHTMLElements['utick-stream-gate'] = {
  'stream-id': 'A-STREAM',
  'onutick-access-granted': (event) => event.detail.streamId,
};

// @ts-expect-error `view` is month, list or auto
export const wrongView: SvelteHTMLElements['av-calendar'] = { view: 'week' };
