// Custom Elements Manifest (custom-elements.json): tags, attributes, properties, events, slots,
// parts and CSS properties of every element, read from the source and its JSDoc.
export default {
  // src/shared too: base classes there (AvCardList) give the elements inherited attributes and properties.
  globs: ['src/components/**/*.ts', 'src/shared/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest already; a run with another --outdir (the docs test) must not rewrite it.
  packagejson: false,
};
