/** The door app's own words (around the `<ticket-scanner>`, which has its own), in the five message languages. */
import type { Catalog } from '../shared/locale.js';
import type { ScannerAppMessages } from './messages.types.js';

export type { ScannerAppMessages } from './messages.types.js';

export const SCANNER_APP_MESSAGES: Catalog<ScannerAppMessages> = {
  en: {
    starting: 'Starting the scanner…',
    configProblemTitle: 'This scanner’s settings need fixing',
    configProblemIntro: 'The venue’s settings file (scanner.config.json, published beside the app) has problems. Whoever publishes the app can fix them; nothing on this device is lost.',
    configMissing: 'The settings file was not found at {url} and none is kept on this device. Publish the app with “npx venue-widgets scanner-app”, which puts it in place.',
    expected: 'Expected',
    found: 'Found',
    retry: 'Try again',
    setupTitle: 'Set up this device',
    setupIntro: 'These settings are for this device only and are kept on it. You can change them later.',
    doorName: 'Door name',
    doorNameHint: 'Shown at the top of the screen, e.g. North foyer.',
    doorNameMissing: 'Enter a name for this door.',
    sound: 'Play a sound with each verdict',
    soundHint: 'Turn it off where sound would disturb, e.g. during a performance.',
    save: 'Save',
    cancel: 'Cancel',
    door: 'Door',
    deviceSettings: 'Device settings',
  },
  others: () => import('./messages.i18n.js'),
};
