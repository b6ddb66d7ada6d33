/**
 * Vue 3 types: `import type {} from 'venue-widgets/vue'` once, and templates know the eight tags
 * (properties, kebab-case attributes, `@ticket-scan` listeners). Vue must also be told they are
 * custom elements, in the compiler options:
 *   vue({ template: { compilerOptions: { isCustomElement: (tag) => /^(av|ticket|vista|utick)-/.test(tag) } } })
 * Vue sets a binding as a property
 * when the element has it (`:limit="5"`), otherwise as an attribute; `.prop` / `.attr` force one.
 */
import type { DefineComponent } from 'vue';
import type { Camel, VenueWidgetAttributes, VenueWidgetElements, VenueWidgetTag, WidgetProperties } from './elements.js';

/** How Vue types a `@ticket-scan` listener on a component: `onTicketScan` (and `onTicket-scan`). */
export type VueEventProps<Events> = {
  [Name in keyof Events & string as `on${Capitalize<Camel<Name>>}` | `on${Capitalize<Name>}`]?: (event: Events[Name]) => void;
};

export type VenueWidgetVueComponent<Tag extends VenueWidgetTag> = DefineComponent<
  WidgetProperties<VenueWidgetElements[Tag]['element']> & VenueWidgetAttributes[Tag] & VueEventProps<VenueWidgetElements[Tag]['events']>
>;

declare module 'vue' {
  interface GlobalComponents {
    'av-calendar': VenueWidgetVueComponent<'av-calendar'>;
    'av-series-list': VenueWidgetVueComponent<'av-series-list'>;
    'av-event-list': VenueWidgetVueComponent<'av-event-list'>;
    'ticket-scanner': VenueWidgetVueComponent<'ticket-scanner'>;
    'vista-member-login': VenueWidgetVueComponent<'vista-member-login'>;
    'vista-ticket-redemption': VenueWidgetVueComponent<'vista-ticket-redemption'>;
    'utick-stream-gate': VenueWidgetVueComponent<'utick-stream-gate'>;
    'utick-pack-list': VenueWidgetVueComponent<'utick-pack-list'>;
  }
}
