import type { VendorModule } from './core.js';

// Placeholder: replaced by the real module.
export const audienceview: VendorModule<object> = {
  name: 'audienceview',
  createState: () => ({}),
  handle: () => undefined,
};
