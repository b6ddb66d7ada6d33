/** The words of the installable scanner's update prompt (app-update.ts), in the five message languages. */
import type { Catalog } from '../../../shared/locale.js';

import type { AppUpdateMessages } from './app-update.messages.types.js';

export type { AppUpdateMessages } from './app-update.messages.types.js';

export const APP_UPDATE_MESSAGES: Catalog<AppUpdateMessages> = {
  en: {
    label: 'Update',
    ready: 'A new version is ready. Reload when there is a pause between scans; scans waiting to be sent are kept.',
    reload: 'Reload',
    later: 'Later',
  },
  others: () => import('./app-update.messages.i18n.js'),
};
