/** Every string <utick-pack-list> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';

/** The seed's pack types, by name. */
export type PackTypeName = 'standard' | 'shopping' | 'passport' | 'card';

export interface PackListMessages {
  loading: string;
  listLabel: string;
  /** Type labels (seed: 1 standard, 10 shopping, 20 passport, 100 card); `other` for ids the seed does not list. */
  types: Record<PackTypeName | 'other', string>;
  /** How many items the buyer picks (`itemnb_min`, `itemnb_max`). */
  pick: (min: number, max: number) => string;
  buy: string;
  showDetails: string;
  hideDetails: string;
  detailsLoading: string;
  /** A stock without a date (a voucher). */
  undated: string;
  soldOut: string;
  /** A set without stocks. */
  noStocks: string;
  /** With `stock-id`: the pack does not include that stock. */
  stockNotInPack: string;
  /** The accessible name of the packs listed under their parent (`mainpackid`). */
  childPacks: (parent: string) => string;
  previous: string;
  next: string;
  pagerLabel: string;
  /** Which packs this page shows, counted from 1. */
  range: (first: number, last: number) => string;
  empty: string;
  noMore: string;
}

export const PACK_LIST_MESSAGES: Catalog<PackListMessages> = {
  en: {
    loading: 'Loading packs…',
    listLabel: 'Packs',
    types: { standard: 'Standard', shopping: 'Shopping', passport: 'Passport', card: 'Card', other: 'Pack' },
    pick: (min, max) => (min > 0 && min < max ? `Choose ${min} to ${max}` : min > 0 ? `Choose ${max}` : `Up to ${max}`),
    buy: 'Buy',
    showDetails: 'Show what is included',
    hideDetails: 'Hide what is included',
    detailsLoading: 'Loading what is included…',
    undated: 'Any date',
    soldOut: 'Sold out',
    noStocks: 'Nothing available in this set at the moment.',
    stockNotInPack: 'This performance is not in this pack.',
    childPacks: (parent) => `Packs that go with ${parent}`,
    previous: 'Previous',
    next: 'Next',
    pagerLabel: 'Pages of packs',
    range: (first, last) => `Packs ${first}–${last}`,
    empty: 'No packs are on sale at the moment.',
    noMore: 'No more packs.',
  },
  others: () => import('./utick-pack-list.messages.i18n.js'),
};
