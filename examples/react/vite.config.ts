import { defineConfig } from 'vite';
import { venueWidgetsFromSource } from '../source-alias.ts';

// React 19's JSX needs no plugin in Vite 8 (Oxc compiles it).
export default defineConfig({ resolve: { alias: venueWidgetsFromSource } });
