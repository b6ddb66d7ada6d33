/**
 * Payloads of the Utick ("Sapiti") catalogue API v1: packs and streams.
 * Seed: utick-api-v1-packs-streams.txt; quirks: VENDOR-NOTES.md, "Utick".
 *
 * Field names are the vendor's own (snake_case, `typeid`, `itemnb_min`): these types describe
 * the wire, and a component maps them to what it shows.
 */

/** Every answer is wrapped (notes): `error` is null on success, `response` null on failure. */
export interface UtickEnvelope<T> {
  success: boolean;
  response: T | null;
  error: UtickErrorBody | null;
}

/** The failure half of the envelope. The code is numeric on the servers seen so far. */
export interface UtickErrorBody {
  code: number | string;
  message: string;
}

/** Pack type ids from the seed's table. Other ids may appear: keep `typeid` a number. */
export type UtickPackTypeId = 1 | 10 | 20 | 100;

/** The seed's pack type labels (English, as the seed writes them). */
export const UTICK_PACK_TYPES: Readonly<Record<UtickPackTypeId, string>> = {
  1: 'Standard',
  10: 'Shopping',
  20: 'Passport',
  100: 'Card',
};

/**
 * A published pack (a subscription, a pass, a card), as `/catalogue/packs` lists it.
 * `id` looks like a UUID but is not always a valid one (notes): treat it as an opaque string.
 */
export interface UtickPack {
  id: string;
  label: string;
  /** See `UTICK_PACK_TYPES`; unknown ids can appear. */
  typeid: UtickPackTypeId | number;
  /** Can hold HTML (notes): sanitize before it reaches the DOM. */
  description: string;
  /** How many items the buyer picks, at least / at most. */
  itemnb_min: number;
  itemnb_max: number;
  /** The parent pack's id, or `""` when there is none (seed example). */
  mainpackid: string;
  /** The booking page for this pack. */
  shop_url: string;
  image_url: string;
}

/**
 * One bookable item in a set. The seed only says sets "contain the list of stocks available in
 * the pack" without describing a stock: beyond an `id` (and, we assume, a `label`) every field
 * is an ASSUMPTION (an event date with a price) that a tenant may not send (reading
 * `utick.packDetails.fields`): a component shows what is there and never needs the rest.
 */
export interface UtickStock {
  id: string;
  label?: string;
  /** ISO 8601 with the Brussels offset, or null for an undated item (a voucher); absent: not said. */
  starttime?: string | null;
  /** The venue's name, as printed on the ticket. */
  venue?: string;
  /** Price in `currency` units, e.g. 24.5. */
  price?: number;
  currency?: string;
  /** False when sold out. */
  available?: boolean;
}

/** A set of a pack: the buyer picks between `itemnb_min` and `itemnb_max` of its stocks. */
export interface UtickPackSet {
  id: string;
  label: string;
  /** Can hold HTML, like every description. */
  description: string;
  itemnb_min: number;
  itemnb_max: number;
  /** The seed names no key for a set's "list of stocks": `stocks` is our reading, and may be absent. */
  stocks?: UtickStock[];
}

/** `/catalogue/packs/details/{id}/`: the pack plus its sets of stocks (absent: none said). */
export interface UtickPackDetails extends UtickPack {
  sets?: UtickPackSet[];
}

/**
 * Stream status codes: the seed lists 10, 11 and 20; -99, -10, -1 and 0 have been seen in the
 * wild (notes: unpublished or draft). Any code not known here means "unavailable".
 */
export type UtickStreamStatusId = 10 | 11 | 20 | -99 | -10 | -1 | 0;

/** Labels for the known status codes. Those below 10 are our reading of the notes, not the seed. */
export const UTICK_STREAM_STATUSES: Readonly<Record<UtickStreamStatusId, string>> = {
  10: 'Published',
  11: 'No booking',
  20: 'Cancelled',
  [-99]: 'Deleted',
  [-10]: 'Archived',
  [-1]: 'Unpublished',
  0: 'Draft',
};

export interface UtickStreamStatus {
  id: UtickStreamStatusId | number;
  label: string;
}

/**
 * The venue that hosts a stream. The seed refers to "the venue object" without describing it:
 * this shape is an ASSUMPTION (what a gate needs to say where the show comes from).
 */
export interface UtickVenue {
  id: string;
  name: string;
  address: string;
  zipcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. `BE`. */
  country: string;
  url: string;
}

/**
 * The show a stream belongs to. Not described by the seed either: an ASSUMPTION, shaped like a
 * pack's public fields.
 */
export interface UtickAttraction {
  id: string;
  label: string;
  /** Can hold HTML. */
  description: string;
  image_url: string;
  shop_url: string;
}

/** A stream (a live or on-demand video) as `/catalogue/streams` and `/catalogue/streams/{id}/` give it. */
export interface UtickStream {
  id: string;
  label: string;
  /** Can hold HTML (notes). */
  description: string;
  /** ISO 8601 with the Brussels offset, or null (on-demand streams have no dates). */
  starttime: string | null;
  endtime: string | null;
  /** After this instant no access is granted, whatever the code. */
  accessendtime: string | null;
  /** The stream itself (the player's address). */
  url: string;
  shop_url: string;
  /**
   * Hours of access after the first view. A STRING of digits on the wire (notes), although the
   * seed's table says integer: parse with `Number()`.
   */
  access_duration: string;
  /** A pack owner watches for free. */
  freeaccess_packs: boolean;
  /** A seat-ticket owner watches for free. */
  freeaccess_seats: boolean;
  status: UtickStreamStatus;
  venue: UtickVenue | null;
  attraction: UtickAttraction | null;
}

/** What `catalogue/streams/{id}/control/` answers (seed: "Return code"). */
export type UtickControlCode = -1 | 1 | 10 | 20 | 30;

/** The seed's return codes and their meaning. */
export const UTICK_CONTROL_CODES: Readonly<Record<UtickControlCode, string>> = {
  [-1]: 'Access denied',
  1: 'Access granted',
  10: 'Access granted (stream purchased)',
  20: 'Access granted (related product purchased)',
  30: 'Access granted (related pack purchased)',
};

/** True for the seed's "Access granted" codes only: an unknown code is a refusal. */
export function isAccessGranted(code: number): boolean {
  return code === 1 || code === 10 || code === 20 || code === 30;
}

/** True when patrons can watch or book: status 10 only (notes: unknown codes are unavailable). */
export function isStreamPublished(stream: Pick<UtickStream, 'status'>): boolean {
  return stream.status.id === 10;
}

/** Paging of the list endpoints (seed: `limit` at most 200, `offset` a record offset). */
export interface UtickPage {
  limit?: number;
  offset?: number;
}

/** The seed's maximum page size. */
export const UTICK_MAX_LIMIT = 200;
