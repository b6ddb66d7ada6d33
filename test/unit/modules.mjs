// The modules of the mutation run (issue 16): what a fault in each would cost a venue. The Stryker
// config mutates their files; scripts/mutation-summary.mjs scores each module from the JSON report.
export const MODULES = {
  'fetch seam and error mapping': ['src/api/request.ts', 'src/api/errors.ts', 'src/api/vista/problem.ts', 'src/api/vista/call.ts'],
  'scanner offline core': [
    'src/components/ticket-scanner/offline/scan-queue.ts',
    'src/components/ticket-scanner/offline/scan-sync.ts',
    'src/components/ticket-scanner/offline/scanner-db.ts',
    'src/components/ticket-scanner/offline/ticket-cache.ts',
    'src/components/ticket-scanner/offline/held-scans.ts',
    'src/components/ticket-scanner/offline/ticket-rows.ts',
    'src/components/ticket-scanner/offline/sw.ts',
  ],
  'sanitizing and URL checks': ['src/shared/sanitize.ts', 'src/shared/sanitizer-setup.ts'],
  'Vista session and lock-out': ['src/shared/vista/session.ts'],
  'Utick proxy (forwarding, limiter, signing)': ['src/proxy/utick/app.ts', 'src/proxy/utick/attempt-limiter.ts', 'src/api/utick/signature.ts'],
  'venue time': ['src/shared/time-zone.ts'],
};

export const MUTATED_FILES = Object.values(MODULES).flat();
