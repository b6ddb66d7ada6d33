import { expect } from '@open-wc/testing';

// The package as a bundler sees it (test/embed/embed-server.mjs builds it and bundles one import
// with esbuild, which honours `exports` and `sideEffects`).
interface Bundle {
  bytes: number;
  lit: boolean;
  defines: number;
}
const bundle = async (source: string): Promise<Bundle> => (await fetch(`/__embed/bundle?source=${encodeURIComponent(source)}`)).json();

describe('the npm package', function () {
  this.timeout(60000); // the first request builds the library

  it('has a built module for every entry of its exports map, including ./all and the framework types', async () => {
    const { exports, missing } = (await (await fetch('/__embed/package')).json()) as { exports: string[]; missing: string[] };
    expect(exports).to.include.members(['./all', './react', './vue', './svelte', './av-calendar', './utick-pack-list', './api', './custom-elements.json']);
    expect(missing).to.deep.equal([]);
  });

  it('tree-shakes: a vendor client alone brings no Lit and defines no element', async () => {
    const client = await bundle("import { fetchEvents } from 'venue-widgets/api/audienceview'; console.log(fetchEvents);");
    expect(client).to.include({ lit: false, defines: 0 });
  });

  it('keeps what defines a tag: a bare import of an element, or of all.js, is not shaken away', async () => {
    expect(await bundle("import 'venue-widgets/av-calendar';")).to.include({ lit: true, defines: 1 });
    expect(await bundle("import 'venue-widgets/all';")).to.include({ lit: true, defines: 8 });
  });
});
