import type { VendorModule } from './core.js';

// Placeholder: replaced by the real module.
export const utick: VendorModule<object> = {
  name: 'utick',
  createState: () => ({}),
  handle: () => undefined,
};
