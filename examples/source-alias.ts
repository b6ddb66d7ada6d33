/**
 * Inside this repository the examples import the package from its source, so they build without
 * `npm run build` first. In your own app, leave this out: `venue-widgets/av-event-list` resolves
 * through the package's `exports` map.
 */
import { resolve } from 'node:path';
import type { Alias } from 'vite';

const src = resolve(import.meta.dirname, '../src');

export const venueWidgetsFromSource: Alias[] = [
  { find: 'venue-widgets/all', replacement: resolve(src, 'all.ts') },
  { find: /^venue-widgets\/react\/((?:av|ticket|vista|utick)-[a-z-]+)$/, replacement: `${src}/frameworks/react/$1.ts` },
  { find: /^venue-widgets\/((?:av|ticket|vista|utick)-[a-z-]+)$/, replacement: `${src}/components/$1/index.ts` },
];
