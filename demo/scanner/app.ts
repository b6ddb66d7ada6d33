/**
 * The installable door scanner: the `<ticket-scanner>` of index.html (its attributes are the
 * venue's settings) and the service worker that lets it start with no network, with its update prompt.
 */
import '../../src/components/ticket-scanner/index.js';
import { registerAppWorker } from '../../src/components/ticket-scanner/app-update.js';

registerAppWorker({ scriptUrl: './sw.js', localeHost: document.querySelector('ticket-scanner') ?? undefined });
