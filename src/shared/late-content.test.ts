import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { lateChunk, LateContentController, lateContentSettled, type LateChunk } from './late-content.js';

/** A chunk's module as a test stands it in: what an element shows from it. */
interface WordsChunk {
  word: string;
}

/** A stand-in for `() => import(…)`: counts fetches, and each one waits until the test answers it. */
function chunkSource() {
  const fetches: { resolve: (module: WordsChunk) => void; reject: (error: unknown) => void }[] = [];
  const fetchChunk = () => new Promise<WordsChunk>((resolve, reject) => fetches.push({ resolve, reject }));
  return { fetches, fetchChunk };
}

let shownChunk: LateChunk<WordsChunk> | undefined;

/** An element that shows what a late chunk brings, "…" until then (as the calendar shows its skeleton). */
class TestLateWords extends LitElement {
  constructor() {
    super();
    new LateContentController(this);
  }
  override render() {
    return html`<p>${shownChunk?.module?.word ?? '…'}</p>`;
  }
}
customElements.define('test-late-words', TestLateWords);

const shown = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('lateChunk, the one loader of late chunks', () => {
  afterEach(() => (shownChunk = undefined));

  it('fetches once for every element that asks, and every element shows what it brought without asking again', async () => {
    const { fetches, fetchChunk } = chunkSource();
    const chunk = (shownChunk = lateChunk(fetchChunk));
    const page = await fixture(fixtureHtml`<div><test-late-words></test-late-words><test-late-words></test-late-words></div>`);
    const [first, second] = [...page.querySelectorAll('test-late-words')];
    const asked = [chunk.load(), chunk.load(), chunk.load()];
    expect(fetches).to.have.length(1);
    expect(shown(first!)).to.equal('…');
    fetches[0]!.resolve({ word: 'Stalls' });
    const modules = await Promise.all(asked);
    expect(modules.every((module) => module === modules[0])).to.equal(true);
    await lateContentSettled();
    await Promise.all([first, second].map((el) => (el as TestLateWords).updateComplete));
    expect([shown(first!), shown(second!)]).to.deep.equal(['Stalls', 'Stalls']);
    await chunk.load();
    expect(fetches, 'a chunk that arrived is not fetched again').to.have.length(1);
  });

  it('a chunk that cannot be fetched (offline) is a NetworkError, and the next load fetches it again', async () => {
    const { fetches, fetchChunk } = chunkSource();
    const chunk = lateChunk(fetchChunk);
    const offline = chunk.load();
    const browserError = new TypeError('Failed to fetch dynamically imported module');
    fetches[0]!.reject(browserError);
    const error = await offline.then(
      () => undefined,
      (thrown: unknown) => thrown as Error & { cause?: unknown },
    );
    expect(error?.name).to.equal('NetworkError');
    expect(error?.cause).to.equal(browserError);
    expect(chunk.module).to.equal(undefined);
    const online = chunk.load();
    expect(fetches, 'the next load fetches again').to.have.length(2);
    fetches[1]!.resolve({ word: 'Balcony' });
    expect((await online).word).to.equal('Balcony');
    expect(chunk.module?.word).to.equal('Balcony');
  });

  it('sets a chunk up before anyone sees it: the elements render again only once it is ready', async () => {
    const { fetches, fetchChunk } = chunkSource();
    const seenWhileSettingUp: (string | undefined)[] = [];
    const chunk: LateChunk<WordsChunk> = (shownChunk = lateChunk(fetchChunk, (module) => {
      seenWhileSettingUp.push(chunk.module?.word);
      module.word = module.word.toUpperCase();
    }));
    const el = await fixture<TestLateWords>(fixtureHtml`<test-late-words></test-late-words>`);
    const loaded = chunk.load();
    fetches[0]!.resolve({ word: 'circle' });
    await loaded;
    await lateContentSettled();
    await el.updateComplete;
    expect(seenWhileSettingUp, 'no one had the module while it was set up').to.deep.equal([undefined]);
    expect(shown(el)).to.equal('CIRCLE');
  });
});
