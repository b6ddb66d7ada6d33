/** The other four languages of APP_UPDATE_MESSAGES (a chunk of its own, loaded on demand). */
import type { OtherLanguage } from '../../../shared/locale.js';
import type { AppUpdateMessages } from './app-update.messages.types.js';

export default {
  fr: {
    label: 'Mise à jour',
    ready: 'Une nouvelle version est prête. Rechargez pendant une pause entre deux scans ; les scans en attente d’envoi sont conservés.',
    reload: 'Recharger',
    later: 'Plus tard',
  },
  nl: {
    label: 'Update',
    ready: 'Er is een nieuwe versie klaar. Herlaad tijdens een pauze tussen twee scans; scans die nog verzonden moeten worden, blijven bewaard.',
    reload: 'Herladen',
    later: 'Later',
  },
  de: {
    label: 'Aktualisierung',
    ready: 'Eine neue Version ist bereit. Laden Sie in einer Pause zwischen zwei Scans neu; noch nicht gesendete Scans bleiben erhalten.',
    reload: 'Neu laden',
    later: 'Später',
  },
  es: {
    label: 'Actualización',
    ready: 'Hay una nueva versión lista. Recargue en una pausa entre escaneos; los escaneos pendientes de envío se conservan.',
    reload: 'Recargar',
    later: 'Más tarde',
  },
} satisfies Record<OtherLanguage, AppUpdateMessages>;
