/** Every string <av-series-list> writes itself, in the five languages of the package. */
import type { MessageLanguage } from '../../shared/locale.js';
import type { CardListMessages } from '../../shared/av-cards.js';

export interface SeriesListMessages extends CardListMessages {
  /** Accessible name of the list of cards. */
  listLabel: string;
  /** The buy link's visible text. */
  buy: string;
  /** Shown when the series has no tickets left and the vendor sent no message. */
  soldOut: string;
  /** Shown when web sales have closed and the vendor sent no message. */
  salesClosed: string;
}

export const SERIES_LIST_MESSAGES: Record<MessageLanguage, SeriesListMessages> = {
  en: {
    loading: 'Loading the season…',
    warnings: 'AudienceView sent a notice:',
    empty: 'Nothing is on sale right now. Please check back soon.',
    listLabel: 'Season',
    buy: 'Buy tickets',
    soldOut: 'Sold out',
    salesClosed: 'Online sales have closed',
  },
  fr: {
    loading: 'Chargement de la saison…',
    warnings: 'AudienceView a envoyé un avis :',
    empty: 'Rien n’est en vente pour le moment. Revenez bientôt.',
    listLabel: 'Saison',
    buy: 'Acheter des billets',
    soldOut: 'Complet',
    salesClosed: 'La vente en ligne est close',
  },
  nl: {
    loading: 'Seizoen laden…',
    warnings: 'AudienceView stuurde een melding:',
    empty: 'Er is op dit moment niets te koop. Kom binnenkort terug.',
    listLabel: 'Seizoen',
    buy: 'Tickets kopen',
    soldOut: 'Uitverkocht',
    salesClosed: 'De online verkoop is gesloten',
  },
  de: {
    loading: 'Spielzeit wird geladen…',
    warnings: 'AudienceView meldet:',
    empty: 'Derzeit ist nichts im Verkauf. Schauen Sie bald wieder vorbei.',
    listLabel: 'Spielzeit',
    buy: 'Tickets kaufen',
    soldOut: 'Ausverkauft',
    salesClosed: 'Der Online-Verkauf ist beendet',
  },
  es: {
    loading: 'Cargando la temporada…',
    warnings: 'AudienceView envió un aviso:',
    empty: 'No hay nada a la venta en este momento. Vuelve pronto.',
    listLabel: 'Temporada',
    buy: 'Comprar entradas',
    soldOut: 'Agotado',
    salesClosed: 'La venta en línea ha terminado',
  },
};
