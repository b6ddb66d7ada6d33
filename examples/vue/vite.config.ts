import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { venueWidgetsFromSource } from '../source-alias.ts';

export default defineConfig({
  // Vue must leave the tags to the browser instead of looking for Vue components by those names.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => /^(av|ticket|vista|utick)-/.test(tag) } } })],
  resolve: { alias: venueWidgetsFromSource },
});
