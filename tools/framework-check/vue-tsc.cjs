// vue-tsc run with this folder's TypeScript 5 (wherever npm placed vue-tsc itself): vue-tsc needs
// TypeScript's JavaScript API, which TypeScript 7, the project's compiler, no longer ships.
// Arguments as tsc's: `node tools/framework-check/vue-tsc.cjs -p examples/vue/tsconfig.json`.
const { run } = require('vue-tsc');

run(require.resolve('typescript/lib/tsc', { paths: [__dirname] }));
