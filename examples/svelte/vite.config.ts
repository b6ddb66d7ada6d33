import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { venueWidgetsFromSource } from '../source-alias.ts';

export default defineConfig({ plugins: [svelte()], resolve: { alias: venueWidgetsFromSource } });
