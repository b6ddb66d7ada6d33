/**
 * Every word `<ticket-scanner>` writes itself, in the five message languages. The vendor's own
 * banners (`successMsg`, `errorMessageHTML`) are shown as AudienceView wrote them, sanitized.
 */
import type { Catalog } from '../../shared/locale.js';

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
}

export const SCANNER_MESSAGES: Catalog<ScannerMessages> = {
  en: {
    signInTitle: 'Sign in to scan tickets',
    signInIntro: 'Use your AudienceView Professional account.',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    resuming: 'Resuming your session…',
    signingOut: 'Signing out…',
    usernameMissing: 'Enter your username (usually your email address).',
    passwordMissing: 'Enter your password.',
    wrongPassword: 'The username or password is not right.',
    noPermission: 'This account may not scan tickets. Ask your box office for the scanning permission.',
    locked: (s) => (s ? `Too many attempts: sign-in is locked. Try again in ${s} s.` : 'Too many attempts: sign-in is locked for a while. Try again later.'),
    passwordExpiresSoon: (d) => (d <= 0 ? 'Your password expires today.' : d === 1 ? 'Your password expires tomorrow.' : `Your password expires in ${d} days.`) + ' Change it in AudienceView Professional.',
    storageFull: 'This device’s storage is full: scans are kept in memory only until they are sent. Keep this page open, and free some space.',
    dismiss: 'Dismiss',
    passwordExpiredTitle: 'Your password has expired',
    passwordExpiredText: 'Reset it by signing in to AudienceView Professional on a computer, then sign in here with the new password.',
    backToSignIn: 'Back to sign-in',
    sessionEnded: 'Your session has ended. Sign in again to go on scanning.',
    permissionRemoved: 'This account may no longer scan tickets.',
    keptForNextSignIn: (n) => (n === 1 ? '1 scan is kept and will be sent after you sign in.' : `${n} scans are kept and will be sent after you sign in.`),
    signedInAs: (u) => `Signed in as ${u}`,
    signOut: 'Sign out',
    signOutWarning: (n) =>
      n === 1
        ? '1 scan has not reached AudienceView yet; it will be sent after the next sign-in.'
        : `${n} scans have not reached AudienceView yet; they will be sent after the next sign-in.`,
    signOutAnyway: 'Sign out anyway',
    staySignedIn: 'Stay signed in',

    chooseTitle: 'What are you scanning?',
    loadingChoices: 'Loading what you can scan…',
    client: 'Client',
    production: 'Production',
    performance: 'Performance',
    choose: 'Choose…',
    allProductions: 'All productions',
    allPerformances: 'All performances now',
    startScanning: 'Start scanning',
    change: 'Change',
    cancel: 'Cancel',
    nothingToScan: 'Nothing can be scanned with this account right now.',
    chooseMissing: 'Choose one.',
    unnamed: (kind, id) => `${kind === 'client' ? 'Client' : kind === 'production' ? 'Production' : 'Performance'} #${id}`,
    scanningFor: 'Scanning for',

    barcode: 'Barcode',
    check: 'Check',
    barcodeMissing: 'Enter or scan a barcode.',
    barcodeTooLong: 'That is too long to be a ticket barcode.',
    ready: 'Ready: scan a ticket',
    sound: 'Sound',
    recentScans: 'Last scans',
    sessionTally: (admitted, refused) => `This session: ${admitted} in, ${refused} refused`,
    doorCount: (admitted, admissible) => `${admitted} of ${admissible} tickets in`,
    verdicts: { valid: 'Valid', duplicate: 'Already scanned', invalid: 'Not valid', unknown: 'Unknown ticket' },
    verdictHints: {
      valid: 'Let them in.',
      duplicate: 'This ticket has been used before.',
      invalid: 'This ticket may not enter here.',
      unknown: 'AudienceView does not know this barcode.',
    },
    checkedOffline: 'Checked offline',
    name: 'Name',
    section: 'Section',
    seat: 'Seat',
    scanned: 'Scanned',
    scannedOfSold: (s, t) => `${s} of ${t}`,
    notChecked: 'AudienceView did not answer, so this ticket was not checked. Scan it again.',
    notCheckedTitle: 'Not checked',

    camera: 'Camera',
    cameraStarting: 'Starting the camera…',
    viewfinder: 'Camera view: hold the ticket’s barcode in the frame',
    switchLens: 'Switch camera',
    torch: 'Torch',
    tapToFocus: 'Tap the picture to focus',
    cameraProblems: {
      denied: 'Camera access was refused. Allow the camera for this site in the browser’s settings, then press Camera again.',
      missing: 'No camera was found on this device.',
      busy: 'The camera is in use by another app or tab. Close it there, then press Camera again.',
      unavailable: 'This browser cannot use a camera on this page (a camera needs a secure https:// page).',
      decoder: 'The barcode reader could not be loaded. Check the connection, then press Camera again.',
    },
    cameraOtherInputs: 'The entry field and scanner guns still work.',

    online: 'Online',
    offline: 'Offline',
    onlineOnly: 'Online only',
    offlineByChoice: 'Offline mode',
    waiting: (n) => (n === 1 ? '1 scan waiting' : `${n} scans waiting`),
    allSent: 'All scans sent',
    sendNow: 'Send now',
    failedTitle: 'AudienceView refused these scans. Check them in AudienceView Professional.',
    conflict: 'scanned on another device',
    acknowledge: 'Got it',
    acknowledgeLabel: (b) => `Got it: ${b}`,

    cacheTitle: 'Tickets for offline scanning',
    cacheFrom: (t, n) => `Cache from ${t}, ${n} tickets`,
    cacheStale: 'It may be out of date: tickets sold or scanned elsewhere since then are not in it.',
    noCache: 'No tickets downloaded yet: offline, every ticket shows as unknown.',
    refreshCache: 'Refresh tickets',
    downloading: 'Downloading tickets',
    downloaded: (n) => `${n} tickets so far`,
  },
  others: () => import('./ticket-scanner.messages.i18n.js'),
};
