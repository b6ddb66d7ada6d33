import { expect } from '@open-wc/testing';
import { ALL_WORKED, DIST, TAGS, openHostPage, type HostPage } from './host-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

describeWhere(SECOND_PAGE, 'loading the elements more than once', function () {
  this.timeout(40000); // eight elements used one after the other, sign-ins included
  let host: HostPage | undefined;
  afterEach(() => host?.page.close());

  it('two element modules on one page load Lit once (one shared chunk)', async () => {
    host = await openHostPage('plain', [`${DIST.v1}/av-calendar.js`, `${DIST.v1}/utick-pack-list.js`, `${DIST.v1}/all.js`]);
    const report = await host.report();
    expect(report.litVersions).to.have.length(1);
    const fetched = await host.page.evaluate<string[]>(`performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`);
    expect(fetched.length).to.equal(new Set(fetched).size); // no module fetched twice
    expect(report.errors).to.deep.equal([]);
  });

  it('the same module twice, and all.js after the single modules, define each tag once and throw nothing', async () => {
    host = await openHostPage('plain', [`${DIST.v1}/av-event-list.js`, `${DIST.v1}/av-event-list.js?again`, `${DIST.v1}/all.js`]);
    const { results } = await host.use();
    expect(results).to.deep.equal(ALL_WORKED);
    const report = await host.report();
    expect(report.errors).to.deep.equal([]);
    expect(await host.page.errors()).to.deep.equal([]);
  });

  it('two copies of the package under different paths (two versions) both load; the first one defines the tags', async () => {
    host = await openHostPage('plain', [`${DIST.v1}/all.js`, `${DIST.v2}/all.js`, `${DIST.v2}/av-calendar.js`]);
    const report = await host.report();
    // Each copy brought its own Lit (Lit may warn about it); neither threw on customElements.define.
    expect(report.litVersions).to.have.length(2);
    expect(report.errors).to.deep.equal([]);
    expect(await host.page.errors()).to.deep.equal([]);
    const defined = await host.page.evaluate<string[]>(`embed.TAGS.filter((tag) => customElements.get(tag))`);
    expect(defined).to.deep.equal([...TAGS]);
    const { results } = await host.use();
    expect(results).to.deep.equal(ALL_WORKED);
  });

  it('audienceview.js: the three AudienceView elements from one file (its late chunks fetched by it), working beside the other modules', async () => {
    const others = TAGS.filter((tag) => !tag.startsWith('av-')).map((tag) => `${DIST.v1}/${tag}.js`);
    host = await openHostPage('plain', [`${DIST.v1}/audienceview.js`, ...others]);
    const { results } = await host.use();
    expect(results).to.deep.equal(ALL_WORKED);
    const fetched = await host.page.evaluate<string[]>(`performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`);
    const avFiles = fetched.filter((path) => !others.some((module) => path.endsWith(module.slice(module.lastIndexOf('/'))))).filter((path) => !/chunks\/(base|fetch)-/.test(path));
    // No AudienceView element module was fetched: audienceview.js defined all three.
    expect(avFiles.filter((path) => /\/av-[a-z-]+\.js$/.test(path))).to.deep.equal([]);
    expect(await host.page.errors()).to.deep.equal([]);
  });

  it('the CDN layout: each AudienceView module is one file with its own Lit (what a venue pastes for one element), and all eight work side by side', async () => {
    const { version } = (await (await fetch('/package.json')).json()) as { version: string };
    const cdn = `${DIST.v1}/cdn/${version}`;
    const audienceView = TAGS.filter((tag) => tag.startsWith('av-')).map((tag) => `${cdn}/${tag}.js`);
    for (const module of audienceView) {
      // Late chunks only (import(): month views, DOMPurify, other languages), never a static import of a shared chunk.
      const code = await (await fetch(module)).text();
      expect(code, module).not.to.match(/(?:^|[;}\s])import\s*(?:["'{*]|[\w$]+\s*(?:,|from\b))/);
      expect(code, module).to.match(/\bimport\(/);
    }
    host = await openHostPage('plain', [...audienceView, ...TAGS.filter((tag) => !tag.startsWith('av-')).map((tag) => `${cdn}/${tag}.js`)]);
    const { results } = await host.use();
    expect(results).to.deep.equal(ALL_WORKED);
    // Three AudienceView modules, each with its Lit, and the other elements' one shared Lit: mixing costs bytes, never breaks.
    expect((await host.report()).litVersions).to.have.length(4);
    expect(await host.page.errors()).to.deep.equal([]);
  });

  it('the elements change nothing in the document outside themselves during a full use', async () => {
    host = await openHostPage('plain', [`${DIST.v1}/all.js`]);
    await host.use();
    const report = await host.report();
    expect(report.outside).to.deep.equal([]);
    expect(report.headAdded, 'added to <head>').to.deep.equal([]);
    expect(report.adopted, 'style sheets adopted by the document').to.equal(0);
  });
});
