/** Every string <av-series-list> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';
import type { CardListMessages } from '../../shared/av-cards.js';

export interface SeriesListMessages extends CardListMessages {
  /** Accessible name of the list of cards. */
  listLabel: string;
  /** The buy link's visible text. */
  buy: string;
  /** Shown when the series has no tickets left and the vendor sent no message. */
  soldOut: string;
  /** Shown when web sales have closed and the vendor sent no message. */
  salesClosed: string;
}

export const SERIES_LIST_MESSAGES: Catalog<SeriesListMessages> = {
  en: {
    loading: 'Loading the season…',
    warnings: 'AudienceView sent a notice:',
    empty: 'Nothing is on sale right now. Please check back soon.',
    inactive: 'This box office is not selling tickets online at the moment. Please contact the venue.',
    listLabel: 'Season',
    buy: 'Buy tickets',
    soldOut: 'Sold out',
    salesClosed: 'Online sales have closed',
  },
  others: () => import('./av-series-list.messages.i18n.js'),
};
