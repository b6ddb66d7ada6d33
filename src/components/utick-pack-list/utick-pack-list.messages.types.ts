/**
 * The shape of `<utick-pack-list>`'s words: what the English catalog (utick-pack-list.messages.ts) and the lazily
 * loaded others (utick-pack-list.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
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
