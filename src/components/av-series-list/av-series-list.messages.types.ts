/**
 * The shape of `<av-series-list>`'s words: what the English catalog (av-series-list.messages.ts) and the lazily
 * loaded others (av-series-list.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
import type { CardListMessages } from '../../shared/audienceview/cards.js';

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
