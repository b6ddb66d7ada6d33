/** The other four languages of the error view (a chunk of its own, loaded on demand). */
import type { ErrorMessages } from './error-view.messages.types.js';
import type { OtherLanguage } from './locale.js';

export default {
  fr: {
    retry: 'Réessayer',
    offline: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
    blocked: (v) => `Impossible de joindre ${v}. Si cela persiste, l’adresse de ce site doit être autorisée par ${v}.`,
    timeout: (v) => `${v} met trop de temps à répondre.`,
    http: (v, s) => `${v} ne peut pas répondre pour le moment (erreur ${s}).`,
    parse: (v) => `${v} a envoyé une réponse inattendue. Une maintenance est peut-être en cours.`,
    vendor: (v) => `${v} indique :`,
    config: 'Cet élément n’est pas configuré correctement :',
    tryAgainIn: (s) => `Veuillez réessayer dans ${s} s.`,
  },
  nl: {
    retry: 'Opnieuw proberen',
    offline: 'Je lijkt offline te zijn. Controleer je verbinding en probeer het opnieuw.',
    blocked: (v) => `${v} is niet bereikbaar. Blijft dit gebeuren, dan moet ${v} het adres van deze site toestaan.`,
    timeout: (v) => `${v} doet er te lang over om te antwoorden.`,
    http: (v, s) => `${v} kan nu niet antwoorden (fout ${s}).`,
    parse: (v) => `${v} stuurde een onverwacht antwoord. Mogelijk is er onderhoud.`,
    vendor: (v) => `${v} meldt:`,
    config: 'Dit element is niet goed ingesteld:',
    tryAgainIn: (s) => `Probeer het over ${s} s opnieuw.`,
  },
  de: {
    retry: 'Erneut versuchen',
    offline: 'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    blocked: (v) => `${v} ist nicht erreichbar. Wenn das so bleibt, muss ${v} die Adresse dieser Website freigeben.`,
    timeout: (v) => `${v} antwortet nicht rechtzeitig.`,
    http: (v, s) => `${v} kann gerade nicht antworten (Fehler ${s}).`,
    parse: (v) => `${v} hat eine unerwartete Antwort gesendet. Möglicherweise wird gerade gewartet.`,
    vendor: (v) => `${v} meldet:`,
    config: 'Dieses Element ist nicht richtig eingerichtet:',
    tryAgainIn: (s) => `Bitte versuchen Sie es in ${s} s erneut.`,
  },
  es: {
    retry: 'Reintentar',
    offline: 'Parece que no tienes conexión. Compruébala y vuelve a intentarlo.',
    blocked: (v) => `No se pudo contactar con ${v}. Si sigue ocurriendo, ${v} debe autorizar la dirección de este sitio.`,
    timeout: (v) => `${v} tarda demasiado en responder.`,
    http: (v, s) => `${v} no puede responder ahora (error ${s}).`,
    parse: (v) => `${v} envió una respuesta inesperada. Puede estar en mantenimiento.`,
    vendor: (v) => `${v} indica:`,
    config: 'Este elemento no está bien configurado:',
    tryAgainIn: (s) => `Vuelve a intentarlo en ${s} s.`,
  },
} satisfies Record<OtherLanguage, ErrorMessages>;
