/**
 * The shape of `<utick-stream-gate>`'s words: what the English catalog (utick-stream-gate.messages.ts) and the lazily
 * loaded others (utick-stream-gate.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
/** The return codes that grant access (seed: "Return code"). */
export type GrantCode = 1 | 10 | 20 | 30;

export interface StreamGateMessages {
  loading: string;
  /** Labels of the date lines. */
  starts: string;
  ends: string;
  accessUntil: string;
  /** A stream without dates. */
  onDemand: string;
  /** Label of the countdown before `starttime`; then the time left. */
  startsIn: string;
  countdown: (days: number, clock: string) => string;
  /** Status 10 after `accessendtime`. */
  closed: (when: string) => string;
  /** Status 20. */
  cancelled: string;
  /** Status 11. */
  noBooking: string;
  /** Any other status (drafts, archives, deleted, codes the seed does not list). */
  unavailable: string;
  codeLabel: string;
  codeHint: string;
  /** `freeaccess_packs`, `freeaccess_seats` (seed): who watches for free, and with which code. */
  freeForPackHolders: string;
  freeForTicketHolders: string;
  freeForBoth: string;
  submit: string;
  checking: string;
  /** What each granting return code means for the patron. */
  granted: Record<GrantCode, string>;
  /** Restored from an earlier visit. */
  grantedBefore: string;
  grantedUntil: (when: string) => string;
  /** -1 for a typed code. */
  denied: string;
  /** -1 for the page's contact id: the patron can still type a code. */
  deniedContact: string;
  /** An answer the seed does not list: treated as a refusal. */
  deniedUnknown: (code: number) => string;
  tooManyAttempts: (minutes: number) => string;
  /** The link to `shop_url`, for those without access. */
  noCodeYet: string;
  buyAccess: string;
  boxOffice: string;
  /** The fallback when the page slots no player: a link to the stream's `url`. */
  openStream: string;
}
