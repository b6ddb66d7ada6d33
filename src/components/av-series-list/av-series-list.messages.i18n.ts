/** The other four languages of SERIES_LIST_MESSAGES (a chunk of its own, loaded on demand). */
import type { OtherLanguage } from '../../shared/locale.js';
import type { SeriesListMessages } from './av-series-list.messages.types.js';

export default {
  fr: {
    loading: 'Chargement de la saison…',
    warnings: 'AudienceView a envoyé un avis :',
    empty: 'Rien n’est en vente pour le moment. Revenez bientôt.',
    inactive: 'Cette billetterie ne vend pas de billets en ligne pour le moment. Veuillez contacter la salle.',
    listLabel: 'Saison',
    buy: 'Acheter des billets',
    soldOut: 'Complet',
    salesClosed: 'La vente en ligne est close',
  },
  nl: {
    loading: 'Seizoen laden…',
    warnings: 'AudienceView stuurde een melding:',
    empty: 'Er is op dit moment niets te koop. Kom binnenkort terug.',
    inactive: 'Deze ticketverkoop verkoopt momenteel geen tickets online. Neem contact op met de zaal.',
    listLabel: 'Seizoen',
    buy: 'Tickets kopen',
    soldOut: 'Uitverkocht',
    salesClosed: 'De online verkoop is gesloten',
  },
  de: {
    loading: 'Spielzeit wird geladen…',
    warnings: 'AudienceView meldet:',
    empty: 'Derzeit ist nichts im Verkauf. Schauen Sie bald wieder vorbei.',
    inactive: 'Diese Kasse verkauft derzeit keine Tickets online. Bitte wenden Sie sich an das Haus.',
    listLabel: 'Spielzeit',
    buy: 'Tickets kaufen',
    soldOut: 'Ausverkauft',
    salesClosed: 'Der Online-Verkauf ist beendet',
  },
  es: {
    loading: 'Cargando la temporada…',
    warnings: 'AudienceView envió un aviso:',
    empty: 'No hay nada a la venta en este momento. Vuelve pronto.',
    inactive: 'Esta taquilla no vende entradas en línea por ahora. Póngase en contacto con la sala.',
    listLabel: 'Temporada',
    buy: 'Comprar entradas',
    soldOut: 'Agotado',
    salesClosed: 'La venta en línea ha terminado',
  },
} satisfies Record<OtherLanguage, SeriesListMessages>;
