#!/usr/bin/env node
// `npx venue-widgets <command>`. The one command so far: `utick-proxy`, the Utick signing proxy
// (configured by environment variables; see the README's Utick section).
const [command] = process.argv.slice(2);

if (command === 'utick-proxy') {
  await import('../dist/proxy/utick-proxy.js');
} else if (command === 'scanner-app') {
  await import('./scanner-app.js'); // the door app ready to publish: --out <folder> --config <file>
} else if (command === 'doctor') {
  process.exitCode = await (await import('./doctor.js')).doctor(process.argv.slice(3)); // read-only checks of an AudienceView tenant: --client-id <id> --help
} else {
  console.error('Usage: npx venue-widgets utick-proxy\n  env: UTICK_PUBLIC_KEY, UTICK_PRIVATE_KEY, UTICK_UPSTREAM=live|test|<url>, UTICK_ALLOWED_ORIGINS, PORT');
  process.exit(command ? 1 : 0);
}
