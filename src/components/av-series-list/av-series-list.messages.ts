/** Every string <av-series-list> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';
import type { SeriesListMessages } from './av-series-list.messages.types.js';

export type { SeriesListMessages } from './av-series-list.messages.types.js';

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
