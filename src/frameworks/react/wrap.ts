/**
 * React components for the elements, made with `@lit/react`: typed props (`clientId={284}`,
 * `limit={10}`, set as properties) and typed `on…` event props (`onTicketScan`). One module per
 * element, so a page pays only for the elements it uses. Safe to import during server rendering
 * (Lit provides the DOM shims on Node; the element draws itself once the page hydrates).
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import type { Camel, VenueWidgetElements, VenueWidgetTag } from '../elements.js';

type EventsOf<Tag extends VenueWidgetTag> = VenueWidgetElements[Tag]['events'];
type EventNameOf<Tag extends VenueWidgetTag> = keyof EventsOf<Tag> & string;

/** `ticket-scan` → `onTicketScan`, typed with the event's class. */
export type ReactEventProps<Tag extends VenueWidgetTag> = {
  [Name in EventNameOf<Tag> as `on${Capitalize<Camel<Name>>}`]: EventName<EventsOf<Tag>[Name] & Event>;
};

export type VenueWidgetReactComponent<Tag extends VenueWidgetTag> = ReactWebComponent<VenueWidgetElements[Tag]['element'], ReactEventProps<Tag>>;

const propName = (event: string) => `on${event.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;

/**
 * The React component for `tagName`. `events` names every event the element fires (the type
 * requires them all, so a new event cannot be forgotten here).
 */
export function wrap<Tag extends VenueWidgetTag>(
  tagName: Tag,
  elementClass: new () => VenueWidgetElements[Tag]['element'],
  events: Record<EventNameOf<Tag>, true>,
): VenueWidgetReactComponent<Tag> {
  const eventProps = Object.fromEntries(Object.keys(events).map((name) => [propName(name), name])) as ReactEventProps<Tag>;
  return createComponent({ react: React, tagName, elementClass, events: eventProps, displayName: propName(tagName).slice(2) });
}
