/**
 * The shape of `<vista-member-login>`'s words: what the English catalog (vista-member-login.messages.ts) and the lazily
 * loaded others (vista-member-login.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
/** The words of the form and the member panel: their English is in the element's module. */
export interface LoginMessages {
  title: string;
  /** The one field for an email address or a username. */
  login: string;
  password: string;
  remember: string;
  signIn: string;
  signingIn: string;
  /** Workstation mode. */
  workstationTitle: string;
  identifyBy: string;
  byCard: string;
  byPhone: string;
  /** Workstation mode: the member's email or username and password. */
  byLogin: string;
  cardNumber: string;
  phoneNumber: string;
  pin: string;
  summaryTitle: string;
  loginMissing: string;
  passwordMissing: string;
  cardMissing: string;
  phoneMissing: string;
  pinMissing: string;
  sessionExpired: string;
  signedInAs: (name: string) => string;
  /** Signed in, with no name known (the tenant told us nothing about the member). */
  signedIn: string;
  card: (masked: string) => string;
  workstationNote: string;
  signOut: string;
  signingOut: string;
  editDetails: string;
}

/**
 * The words only the late chunk writes (controllers/member-actions.ts: Vista's refusals, the lock-out's
 * countdown, the reCAPTCHA notice, the details editor). Their English comes with that chunk
 * (vista-member-login.messages.late.ts), not with the element; the other languages hold them with the rest.
 */
export interface LateLoginMessages {
  /** Error 32000 / 429: the countdown follows. */
  lockedOut: string;
  wrongPassword: string;
  wrongPin: string;
  /** The visible countdown, "m:ss". */
  tryAgainIn: (clock: string) => string;
  /** Spoken now and then while locked (polite, not every second). */
  lockedAnnouncement: (seconds: number) => string;
  unlocked: string;
  /** 429 without a known wait. */
  tooManyAttempts: string;
  recaptchaRequired: string;
  /** After the page supplies the reCAPTCHA answer. */
  recaptchaReady: string;
  givenName: string;
  familyName: string;
  email: string;
  save: string;
  cancel: string;
  saved: string;
}

/** One of the other languages: every word (vista-member-login.messages.i18n.ts). */
export interface AllLoginMessages extends LoginMessages, LateLoginMessages {}
