/** Every file under `dir` that names the demo's mock backend (`/mock`), as `path: …context…`. */
export function mockReferences(dir: string): string[];
