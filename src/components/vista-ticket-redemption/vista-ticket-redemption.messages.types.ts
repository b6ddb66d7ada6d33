/**
 * The shape of `<vista-ticket-redemption>`'s words: what the English catalog (vista-ticket-redemption.messages.ts) and the lazily
 * loaded others (vista-ticket-redemption.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
export interface RedemptionMessages {
  title: string;
  loading: string;
  signInFirst: string;
  sessionEnded: string;
  yourCards: string;
  noCards: string;
  subscription: (masked: string) => string;
  /** A card a friend shared with the member (`friendId`). */
  sharedBy: (name: string) => string;
  friendsCard: string;
  notActive: string;
  useCard: string;
  /** The accessible name of a card's button: "Use this card: Subscription ****4821". */
  useCardLabel: (card: string) => string;
  inUse: string;
  adding: string;
  cardNotRecognised: string;
  declined: string;
  /** Vista refused the card with a code it does not document: its reason follows when it gave one. */
  cardRefused: string;
  cardNotActive: string;
  /** A third-party card as listed once added: "Student Night Pass ****0042". */
  partnerCard: (scheme: string, masked: string) => string;
  overLimit: string;
  underMinimum: string;
  /** Vista refused the tickets with a code it does not document. */
  ticketsRefused: string;
  noTicketType: string;
}

/**
 * The words only the partner card form writes (views/partner-form.ts). Their English travels with
 * that chunk (vista-ticket-redemption.messages.partner.ts), not with the element; the other
 * languages hold them with the rest.
 */
export interface PartnerFormMessages {
  partnerTitle: string;
  scheme: string;
  cardNumber: string;
  addCard: string;
  summaryTitle: string;
  cardNumberMissing: string;
  /** The number does not have the scheme's format. */
  notSchemeFormat: (scheme: string) => string;
  /** The number's first characters are a scheme's (`prefixLength`, `partialFormat`): that scheme was chosen. */
  schemeFromNumber: (scheme: string) => string;
}

/**
 * The words only the cards-in-use view writes (views/added.ts, a chunk fetched as the element
 * connects): their English travels with it (vista-ticket-redemption.messages.added.ts).
 */
export interface AddedMessages {
  ticketsTitle: string;
  unlimited: string;
  exactly: (n: number) => string;
  between: (min: number, max: number) => string;
  upTo: (max: number) => string;
  atLeast: (min: number) => string;
  quantity: string;
  fewer: string;
  more: string;
  remove: string;
  outOfRange: string;
  confirm: (count: number) => string;
  confirming: string;
  ticketsSet: (count: number) => string;
}

/** One of the other languages: every word (vista-ticket-redemption.messages.i18n.ts). */
export interface AllRedemptionMessages extends RedemptionMessages, PartnerFormMessages, AddedMessages {}
