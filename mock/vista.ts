import type { VendorModule } from './core.js';

// Placeholder: replaced by the real module.
export const vista: VendorModule<object> = {
  name: 'vista',
  createState: () => ({}),
  handle: () => undefined,
};
