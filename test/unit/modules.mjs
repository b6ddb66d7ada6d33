// The modules of the mutation run (issue 16): what a fault in each would cost a venue. The Stryker
// config mutates their files (MUTATION_MODULE=<id> for one alone); scripts/mutation-summary.mjs
// scores each module from the JSON reports.
export const MODULES = {
  'fetch-seam': {
    title: 'fetch seam and error mapping',
    files: ['src/api/request.ts', 'src/api/errors.ts', 'src/api/vista/problem.ts', 'src/api/vista/call.ts'],
  },
  'scanner-offline': {
    title: 'scanner offline core (queue, cache, sync, db, service worker)',
    files: [
      'src/components/ticket-scanner/offline/scan-queue.ts',
      'src/components/ticket-scanner/offline/scan-sync.ts',
      'src/components/ticket-scanner/offline/scanner-db.ts',
      'src/components/ticket-scanner/offline/ticket-cache.ts',
      'src/components/ticket-scanner/offline/held-scans.ts',
      'src/components/ticket-scanner/offline/ticket-rows.ts',
      'src/components/ticket-scanner/offline/sw.ts',
    ],
  },
  sanitize: { title: 'sanitizing and URL checks', files: ['src/shared/sanitize.ts', 'src/shared/sanitize-rules.ts', 'src/shared/sanitizer-setup.ts'] },
  'vista-session': { title: 'Vista session', files: ['src/shared/vista/session.ts'] },
  'utick-proxy': {
    title: 'Utick proxy (forwarding, limiter, signing)',
    files: ['src/proxy/utick/app.ts', 'src/proxy/utick/attempt-limiter.ts', 'src/api/utick/signature.ts'],
  },
  'venue-time': { title: 'venue time', files: ['src/shared/time-zone.ts'] },
};

export const MUTATED_FILES = Object.values(MODULES).flatMap((module) => module.files);
