/**
 * Svelte 5 types: `import type {} from 'venue-widgets/svelte'` once, and `svelte-check` knows the
 * eight tags. Svelte 5 sets an attribute as a property when the element has it
 * (`limit={5}`, objects too); `onticket-scan={(e) => …}` listens (the event name exactly, after `on`).
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { VenueWidgetAttributes, VenueWidgetElements, VenueWidgetTag, WidgetProperties } from './elements.js';

export type SvelteEventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

export type VenueWidgetSvelteAttributes<Tag extends VenueWidgetTag> = HTMLAttributes<VenueWidgetElements[Tag]['element']> &
  WidgetProperties<VenueWidgetElements[Tag]['element']> &
  VenueWidgetAttributes[Tag] &
  SvelteEventProps<VenueWidgetElements[Tag]['events']>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'av-calendar': VenueWidgetSvelteAttributes<'av-calendar'>;
    'av-series-list': VenueWidgetSvelteAttributes<'av-series-list'>;
    'av-event-list': VenueWidgetSvelteAttributes<'av-event-list'>;
    'ticket-scanner': VenueWidgetSvelteAttributes<'ticket-scanner'>;
    'vista-member-login': VenueWidgetSvelteAttributes<'vista-member-login'>;
    'vista-ticket-redemption': VenueWidgetSvelteAttributes<'vista-ticket-redemption'>;
    'utick-stream-gate': VenueWidgetSvelteAttributes<'utick-stream-gate'>;
    'utick-pack-list': VenueWidgetSvelteAttributes<'utick-pack-list'>;
  }
}
