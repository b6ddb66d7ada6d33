/** Minifies the static text of Lit's html`…` and css`…` templates in TypeScript source. */
export function minifyLitLiterals(source: string): string;
/** The same, as a Vite / Rollup plugin for our own TypeScript sources. */
export function minifyLitLiteralsPlugin(): { name: string; enforce: 'pre'; transform(code: string, id: string): { code: string; map: null } | null };
