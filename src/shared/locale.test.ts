import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { LateContentController, lateContentSettled } from './late-content.js';
import { messageLanguage, messagesFor, messagesIfReady, resolveLocale, type Catalog } from './locale.js';

interface Words {
  hello: string;
}

function catalog(load: () => Promise<{ default: Record<'fr' | 'nl' | 'de' | 'es', Words> }>): Catalog<Words> & { loads: number } {
  const c = {
    loads: 0,
    en: { hello: 'Hello' },
    others: () => {
      c.loads++;
      return load();
    },
  };
  return c;
}

const OTHERS = { fr: { hello: 'Bonjour' }, nl: { hello: 'Hallo' }, de: { hello: 'Guten Tag' }, es: { hello: 'Hola' } };

describe('message languages', () => {
  it('resolves the locale from the attribute, then the nearest lang across shadow roots, and maps it to a message language', () => {
    const outer = document.createElement('div');
    outer.lang = 'nl-BE';
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner, '')).to.equal('nl-BE');
    expect(resolveLocale(inner, 'fr-ca')).to.equal('fr-CA');
    expect(resolveLocale(inner, 'not a locale!')).to.equal('nl-BE');
    expect(messageLanguage('de-AT')).to.equal('de');
    expect(messageLanguage('ja-JP')).to.equal('en');
  });

  it('gives English at once without loading anything, and another language once its chunk has arrived', async () => {
    const words = catalog(() => Promise.resolve({ default: OTHERS }));
    expect(messagesIfReady(words, 'en-GB')).to.deep.equal({ hello: 'Hello' });
    expect(messagesIfReady(words, 'ja')).to.deep.equal({ hello: 'Hello' }, 'a language we do not have is English');
    expect(words.loads).to.equal(0);

    expect(messagesIfReady(words, 'fr-BE')).to.equal(undefined);
    expect(messagesFor(words, 'fr-BE').hello, 'English meanwhile').to.equal('Hello');
    await lateContentSettled();
    expect(messagesIfReady(words, 'fr-BE')!.hello).to.equal('Bonjour');
    expect(messagesIfReady(words, 'es')!.hello).to.equal('Hola');
    expect(words.loads, 'one load for all four languages').to.equal(1);
  });

  it('renders an element again when its language arrives', async () => {
    let arrive!: () => void;
    const words = catalog(() => new Promise((resolve) => (arrive = () => resolve({ default: OTHERS }))));
    class Greeting extends LitElement {
      protected readonly lateContent = new LateContentController(this);
      override render() {
        return html`${messagesIfReady(words, 'de')?.hello ?? '…'}`;
      }
    }
    customElements.define('test-greeting', Greeting);
    const el = document.createElement('test-greeting') as Greeting;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('…');
    arrive();
    await lateContentSettled();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Guten Tag');
    el.remove();
  });

  it('falls back to English when the language cannot load (offline)', async () => {
    const words = catalog(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    expect(messagesIfReady(words, 'nl')).to.equal(undefined);
    await lateContentSettled();
    expect(messagesIfReady(words, 'nl')!.hello).to.equal('Hello');
  });
});
