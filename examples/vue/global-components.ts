/**
 * A type test for `venue-widgets/vue` (what vue-tsc would check in templates): the eight tags are
 * global components with typed properties and listeners. Checked by `npm run typecheck`.
 */
import type { GlobalComponents } from 'vue';
import type {} from 'venue-widgets/vue';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const eventList: PropsOf<'av-event-list'> = {
  clientId: '284',
  limit: 3,
  'api-base': '/mock/audienceview',
  onAvPerformanceClick: (event) => event.detail.performance.productionName,
};

export const scanner: PropsOf<'ticket-scanner'> = {
  mode: 'offline',
  onTicketScan: (event) => event.detail.verdict,
};

// @ts-expect-error `limit` is a number
export const wrongLimit: PropsOf<'av-event-list'> = { limit: [3] };

// @ts-expect-error `mode` is auto, online or offline
export const wrongMode: PropsOf<'ticket-scanner'> = { mode: 'sometimes' };
