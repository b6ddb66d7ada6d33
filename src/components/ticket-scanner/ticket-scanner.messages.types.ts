/**
 * The shape of `<ticket-scanner>`'s words: what the English catalog (ticket-scanner.messages.ts)
 * and the lazily loaded others (ticket-scanner.messages.i18n.ts) both fill in. Apart from the
 * catalog so that the lazy chunk and its loader do not import each other.
 */
export type Verdict = 'valid' | 'invalid' | 'duplicate' | 'unknown';
/** Why the camera is not showing: permission refused, no camera, in use elsewhere, not possible on this page, the reader failed to load. */
export type CameraProblem = 'denied' | 'missing' | 'busy' | 'unavailable' | 'decoder';

export interface ScannerMessages {
  // Session
  signInTitle: string;
  signInIntro: string;
  username: string;
  password: string;
  signIn: string;
  signingIn: string;
  resuming: string;
  signingOut: string;
  usernameMissing: string;
  passwordMissing: string;
  /** Code 2. */
  wrongPassword: string;
  /** Code 3. */
  noPermission: string;
  /** Too many attempts (429 / lock-out); `seconds` when the vendor said how long. */
  locked: (seconds: number | undefined) => string;
  passwordExpiresSoon: (days: number) => string;
  /** IndexedDB is full: scans go on, kept in this page's memory until there is room. */
  storageFull: string;
  /** The browser deleted the scanner's storage since `lastSeen` (a date and time), when `waiting` scans were waiting to be sent. */
  storageLost: (waiting: number, lastSeen: string) => string;
  dismiss: string;
  passwordExpiredTitle: string;
  passwordExpiredText: string;
  backToSignIn: string;
  /** Why the staff member has to sign in again (a force-logout code, or a token gone while offline). */
  sessionEnded: string;
  /** Code 3 mid-session: the permission was taken away. */
  permissionRemoved: string;
  /** The queue survives the end of a session. */
  keptForNextSignIn: (pending: number) => string;
  signedInAs: (username: string) => string;
  signOut: string;
  signOutWarning: (pending: number) => string;
  signOutAnyway: string;
  staySignedIn: string;

  // Choosing what to scan
  chooseTitle: string;
  loadingChoices: string;
  client: string;
  production: string;
  performance: string;
  choose: string;
  allProductions: string;
  allPerformances: string;
  startScanning: string;
  change: string;
  cancel: string;
  nothingToScan: string;
  chooseMissing: string;
  /** A choice known only by its id (offline after a reload, or fixed by an attribute). */
  unnamed: (kind: 'client' | 'production' | 'performance', id: number) => string;
  /** The accessible name of the "what is being scanned" line. */
  scanningFor: string;

  // Scanning
  barcode: string;
  check: string;
  barcodeMissing: string;
  barcodeTooLong: string;
  ready: string;
  /** The toggle for verdict sounds. */
  sound: string;
  /** Heading of the last scans, newest first. */
  recentScans: string;
  /** This session's tally. */
  sessionTally: (admitted: string, refused: string) => string;
  /** The performance's count at the door, by the downloaded list and this device's scans since. */
  doorCount: (admitted: string, admissible: string) => string;
  verdicts: Record<Verdict, string>;
  verdictHints: Record<Verdict, string>;
  checkedOffline: string;
  name: string;
  section: string;
  seat: string;
  scanned: string;
  scannedOfSold: (scanned: string, sold: string) => string;
  /** No answer in time in `online` mode: the ticket was not checked. */
  notChecked: string;
  notCheckedTitle: string;

  // Camera
  /** The button that opens and closes the camera (a toggle), and the camera area's name. */
  camera: string;
  cameraStarting: string;
  /** The video's accessible name. */
  viewfinder: string;
  switchLens: string;
  /** The door log's fold (its panel's own words are in views/door-log-panel.ts). */
  doorLog: string;
  torch: string;
  tapToFocus: string;
  cameraProblems: Record<CameraProblem, string>;
  /** After a camera problem: what still works. */
  cameraOtherInputs: string;

  // Connection and sync
  online: string;
  offline: string;
  onlineOnly: string;
  offlineByChoice: string;
  waiting: (pending: number) => string;
  allSent: string;
  sendNow: string;
  failedTitle: string;
  conflict: string;
  /** Announced while double admissions wait for staff to acknowledge them. */
  doubleAdmissions: (count: number) => string;
  acknowledge: string;
  /** The accessible name of one "Got it" button. */
  acknowledgeLabel: (barcode: string) => string;

  // Offline cache
  cacheTitle: string;
  cacheFrom: (time: string, tickets: string) => string;
  cacheStale: string;
  noCache: string;
  refreshCache: string;
  downloading: string;
  downloaded: (tickets: string) => string;
  /** The freshness line: `ago` is `justNow` or Intl's relative time ("2 minutes ago"). */
  ticketsUpdated: (ago: string) => string;
  justNow: string;
  /** `when` is Intl's relative time ("in 3 minutes"). */
  nextUpdate: (when: string) => string;
  updatingNow: string;
  /** Announced (politely) when a refresh fails: the older list is kept. */
  updateFailed: string;
}
