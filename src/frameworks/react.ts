/**
 * React 19 types: `import type {} from 'venue-widgets/react'` once (with the element modules
 * imported somewhere), and JSX knows the eight tags. React 19 sets a prop as a property when the
 * element has it (`clientId={284}`, objects too) and as an attribute otherwise (`client-id="284"`),
 * and `on` + the exact event name adds a listener: `onticket-scan={(e) => e.detail.verdict}`
 * (the event name is case-sensitive, so it stays lower case after `on`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { VenueWidgetAttributes, VenueWidgetElements, VenueWidgetTag, WidgetProperties } from './elements.js';

/** `on<event-name>` props, each typed with its event. */
export type ReactEventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

/** Everything JSX accepts on one of the tags. */
export type VenueWidgetJsxProps<Tag extends VenueWidgetTag> = DetailedHTMLProps<HTMLAttributes<VenueWidgetElements[Tag]['element']>, VenueWidgetElements[Tag]['element']> &
  WidgetProperties<VenueWidgetElements[Tag]['element']> &
  VenueWidgetAttributes[Tag] &
  ReactEventProps<VenueWidgetElements[Tag]['events']>;

type IntrinsicWidgets = { [Tag in VenueWidgetTag]: VenueWidgetJsxProps<Tag> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends IntrinsicWidgets {}
  }
}
