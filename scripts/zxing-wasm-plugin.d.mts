import type { Plugin } from 'vite';
/** Emits zxing-wasm's reader beside the camera's decoder chunk (see zxing-wasm-plugin.mjs). */
export function zxingWasmPlugin(): Plugin;
