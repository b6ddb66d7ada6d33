// Custom Elements Manifest (custom-elements.json): tags, attributes, properties, events, slots,
// parts and CSS properties of every element, read from the source and its JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
