/** The shape of the door app's words: imported by the catalog (messages.ts) and its lazy chunk alike, so neither imports the other. */
export interface ScannerAppMessages {
  starting: string;
  configProblemTitle: string;
  /** Above the table of problems: who fixes it and where. */
  configProblemIntro: string;
  /** No file beside the app and none kept on this device: `{url}` is where it was looked for. */
  configMissing: string;
  expected: string;
  found: string;
  retry: string;
  setupTitle: string;
  setupIntro: string;
  doorName: string;
  doorNameHint: string;
  doorNameMissing: string;
  sound: string;
  soundHint: string;
  save: string;
  cancel: string;
  /** The header's label before the door's name. */
  door: string;
  deviceSettings: string;
}
