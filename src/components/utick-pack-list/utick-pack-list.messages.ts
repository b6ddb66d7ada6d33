/** Every string <utick-pack-list> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';
import type { PackListMessages } from './utick-pack-list.messages.types.js';

export type { PackTypeName, PackListMessages } from './utick-pack-list.messages.types.js';

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
