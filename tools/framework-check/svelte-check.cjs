// svelte-check, found from this folder (npm keeps it here, beside its TypeScript 5) whatever the
// caller's directory. Arguments as svelte-check's.
require(require.resolve('svelte-check/bin/svelte-check', { paths: [__dirname] }));
