/**
 * Every word `<av-calendar>` writes itself, in the five message languages. Dates, month names
 * and weekday names come from Intl in the element's locale; the vendor's own messages
 * (custom, sold-out, shut-off) are shown as the vendor wrote them.
 */
import type { MessageLanguage } from '../../shared/locale.js';
import type { PerformanceState } from '../../shared/av-performance.js';

export interface CalendarMessages {
  previousMonth: string;
  nextMonth: string;
  today: string;
  /** The accessible name of the month navigation group. */
  navigation: string;
  loading: string;
  noPerformances: string;
  allDay: string;
  doors: string;
  entry: string;
  /** Marks one sold-out entry time: "2:30 PM (sold out)". */
  entrySoldOut: (time: string) => string;
  /** Screen-reader count in a day cell. */
  performanceCount: (count: number) => string;
  /** Before the vendor's warnings (a 200 answer with `warnings`). */
  vendorNotice: string;
  /** The state text for each performance state that is not plainly on sale. */
  states: Record<Exclude<PerformanceState, 'on-sale'>, string>;
}

export const CALENDAR_MESSAGES: Record<MessageLanguage, CalendarMessages> = {
  en: {
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    navigation: 'Change month',
    loading: 'Loading performances…',
    noPerformances: 'No performances this month',
    allDay: 'All day',
    doors: 'Doors',
    entry: 'Entry',
    entrySoldOut: (t) => `${t} (sold out)`,
    performanceCount: (n) => (n === 1 ? '1 performance' : `${n} performances`),
    vendorNotice: 'Note from AudienceView:',
    states: {
      'package-holders': 'Package holders',
      message: 'See note',
      cancelled: 'Cancelled',
      'sold-out': 'Sold out',
      'not-available': 'Not available online',
      'sales-closed': 'Online sales closed',
    },
  },
  fr: {
    previousMonth: 'Mois précédent',
    nextMonth: 'Mois suivant',
    today: 'Aujourd’hui',
    navigation: 'Changer de mois',
    loading: 'Chargement des représentations…',
    noPerformances: 'Aucune représentation ce mois-ci',
    allDay: 'Toute la journée',
    doors: 'Portes',
    entry: 'Entrée',
    entrySoldOut: (t) => `${t} (complet)`,
    performanceCount: (n) => (n <= 1 ? `${n} représentation` : `${n} représentations`),
    vendorNotice: 'Message d’AudienceView :',
    states: {
      'package-holders': 'Abonnés uniquement',
      message: 'Voir la note',
      cancelled: 'Annulé',
      'sold-out': 'Complet',
      'not-available': 'Non disponible en ligne',
      'sales-closed': 'Vente en ligne close',
    },
  },
  nl: {
    previousMonth: 'Vorige maand',
    nextMonth: 'Volgende maand',
    today: 'Vandaag',
    navigation: 'Andere maand',
    loading: 'Voorstellingen laden…',
    noPerformances: 'Geen voorstellingen deze maand',
    allDay: 'Hele dag',
    doors: 'Deuren',
    entry: 'Toegang',
    entrySoldOut: (t) => `${t} (uitverkocht)`,
    performanceCount: (n) => (n === 1 ? '1 voorstelling' : `${n} voorstellingen`),
    vendorNotice: 'Bericht van AudienceView:',
    states: {
      'package-holders': 'Alleen abonnees',
      message: 'Zie opmerking',
      cancelled: 'Geannuleerd',
      'sold-out': 'Uitverkocht',
      'not-available': 'Niet online beschikbaar',
      'sales-closed': 'Online verkoop gesloten',
    },
  },
  de: {
    previousMonth: 'Vorheriger Monat',
    nextMonth: 'Nächster Monat',
    today: 'Heute',
    navigation: 'Monat wechseln',
    loading: 'Vorstellungen werden geladen…',
    noPerformances: 'Keine Vorstellungen in diesem Monat',
    allDay: 'Ganztägig',
    doors: 'Einlass',
    entry: 'Eintritt',
    entrySoldOut: (t) => `${t} (ausverkauft)`,
    performanceCount: (n) => (n === 1 ? '1 Vorstellung' : `${n} Vorstellungen`),
    vendorNotice: 'Hinweis von AudienceView:',
    states: {
      'package-holders': 'Nur für Abonnenten',
      message: 'Siehe Hinweis',
      cancelled: 'Abgesagt',
      'sold-out': 'Ausverkauft',
      'not-available': 'Nicht online erhältlich',
      'sales-closed': 'Online-Verkauf beendet',
    },
  },
  es: {
    previousMonth: 'Mes anterior',
    nextMonth: 'Mes siguiente',
    today: 'Hoy',
    navigation: 'Cambiar de mes',
    loading: 'Cargando funciones…',
    noPerformances: 'No hay funciones este mes',
    allDay: 'Todo el día',
    doors: 'Puertas',
    entry: 'Entrada',
    entrySoldOut: (t) => `${t} (agotado)`,
    performanceCount: (n) => (n === 1 ? '1 función' : `${n} funciones`),
    vendorNotice: 'Aviso de AudienceView:',
    states: {
      'package-holders': 'Solo abonados',
      message: 'Ver nota',
      cancelled: 'Cancelado',
      'sold-out': 'Agotado',
      'not-available': 'No disponible en línea',
      'sales-closed': 'Venta en línea cerrada',
    },
  },
};
