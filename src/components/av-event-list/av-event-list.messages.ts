/** Every string <av-event-list> writes itself, in the five languages of the package. */
import type { CardListMessages } from '../../shared/av-cards.js';
import type { PerformanceState } from '../../shared/av-performance.js';
import type { MessageLanguage } from '../../shared/locale.js';

export interface EventListMessages extends CardListMessages {
  /** Accessible name of the list. */
  listLabel: string;
  /** The state of a performance, shown with it (on sale needs no word). */
  states: Record<Exclude<PerformanceState, 'on-sale'>, string>;
  /** The visible call to action on a performance that can be bought. */
  buy: string;
  allDay: string;
  /** All-day events: when doors open and close. */
  doors: (open: string, close: string) => string;
  doorsOpen: (open: string) => string;
  /** Timed entries, then each entry time. */
  entries: string;
  entrySoldOut: string;
  showMore: string;
  /** Below the list: how many of how many are shown. */
  showing: (shown: number, total: number) => string;
}

export const EVENT_LIST_MESSAGES: Record<MessageLanguage, EventListMessages> = {
  en: {
    loading: 'Loading performances…',
    warnings: 'AudienceView sent a notice:',
    empty: 'No upcoming performances. Please check back soon.',
    listLabel: 'Upcoming performances',
    states: {
      'package-holders': 'Package holders only',
      message: 'Not on sale here',
      cancelled: 'Cancelled',
      'sold-out': 'Sold out',
      'not-available': 'Not available online',
      'sales-closed': 'Online sales closed',
    },
    buy: 'Tickets',
    allDay: 'All day',
    doors: (open, close) => `Doors ${open} – ${close}`,
    doorsOpen: (open) => `Doors open ${open}`,
    entries: 'Entry times:',
    entrySoldOut: 'sold out',
    showMore: 'Show more',
    showing: (shown, total) => `Showing ${shown} of ${total}`,
  },
  fr: {
    loading: 'Chargement des représentations…',
    warnings: 'AudienceView a envoyé un avis :',
    empty: 'Aucune représentation à venir. Revenez bientôt.',
    listLabel: 'Prochaines représentations',
    states: {
      'package-holders': 'Réservé aux abonnés',
      message: 'Pas en vente ici',
      cancelled: 'Annulé',
      'sold-out': 'Complet',
      'not-available': 'Indisponible en ligne',
      'sales-closed': 'Vente en ligne close',
    },
    buy: 'Billets',
    allDay: 'Toute la journée',
    doors: (open, close) => `Portes ${open} – ${close}`,
    doorsOpen: (open) => `Ouverture des portes ${open}`,
    entries: 'Heures d’entrée :',
    entrySoldOut: 'complet',
    showMore: 'Afficher plus',
    showing: (shown, total) => `${shown} sur ${total} affichées`,
  },
  nl: {
    loading: 'Voorstellingen laden…',
    warnings: 'AudienceView stuurde een melding:',
    empty: 'Geen komende voorstellingen. Kom binnenkort terug.',
    listLabel: 'Komende voorstellingen',
    states: {
      'package-holders': 'Alleen voor abonnementhouders',
      message: 'Hier niet te koop',
      cancelled: 'Geannuleerd',
      'sold-out': 'Uitverkocht',
      'not-available': 'Niet online beschikbaar',
      'sales-closed': 'Online verkoop gesloten',
    },
    buy: 'Tickets',
    allDay: 'Hele dag',
    doors: (open, close) => `Deuren ${open} – ${close}`,
    doorsOpen: (open) => `Deuren open ${open}`,
    entries: 'Toegangstijden:',
    entrySoldOut: 'uitverkocht',
    showMore: 'Meer tonen',
    showing: (shown, total) => `${shown} van ${total} getoond`,
  },
  de: {
    loading: 'Vorstellungen werden geladen…',
    warnings: 'AudienceView meldet:',
    empty: 'Keine kommenden Vorstellungen. Schauen Sie bald wieder vorbei.',
    listLabel: 'Kommende Vorstellungen',
    states: {
      'package-holders': 'Nur für Abonnenten',
      message: 'Hier nicht im Verkauf',
      cancelled: 'Abgesagt',
      'sold-out': 'Ausverkauft',
      'not-available': 'Online nicht erhältlich',
      'sales-closed': 'Online-Verkauf beendet',
    },
    buy: 'Tickets',
    allDay: 'Ganztägig',
    doors: (open, close) => `Einlass ${open} – ${close}`,
    doorsOpen: (open) => `Einlass ab ${open}`,
    entries: 'Einlasszeiten:',
    entrySoldOut: 'ausverkauft',
    showMore: 'Mehr anzeigen',
    showing: (shown, total) => `${shown} von ${total} angezeigt`,
  },
  es: {
    loading: 'Cargando funciones…',
    warnings: 'AudienceView envió un aviso:',
    empty: 'No hay funciones próximas. Vuelve pronto.',
    listLabel: 'Próximas funciones',
    states: {
      'package-holders': 'Solo para abonados',
      message: 'No se vende aquí',
      cancelled: 'Cancelada',
      'sold-out': 'Agotada',
      'not-available': 'No disponible en línea',
      'sales-closed': 'Venta en línea cerrada',
    },
    buy: 'Entradas',
    allDay: 'Todo el día',
    doors: (open, close) => `Puertas ${open} – ${close}`,
    doorsOpen: (open) => `Apertura de puertas ${open}`,
    entries: 'Horarios de entrada:',
    entrySoldOut: 'agotado',
    showMore: 'Mostrar más',
    showing: (shown, total) => `Se muestran ${shown} de ${total}`,
  },
};
