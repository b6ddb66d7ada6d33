import { expect, fixture, html } from '@open-wc/testing';
import { showUpdatePrompt } from './app-update.js';

/** The prompt once its status line is filled (a frame after it is in the page). */
async function prompt(localeHost: Element, actions: { onReload: () => void; onLater: () => void } = { onReload: () => undefined, onLater: () => undefined }) {
  const host = await showUpdatePrompt(localeHost, actions);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const root = host.shadowRoot!;
  return {
    host,
    status: root.querySelector('[role=status]')!.textContent,
    reload: root.querySelector<HTMLButtonElement>('.reload')!,
    later: root.querySelector<HTMLButtonElement>('.later')!,
  };
}

describe('update prompt (app-update.ts)', () => {
  afterEach(() => document.querySelectorAll('[data-app-update]').forEach((element) => element.remove()));

  it('says a new version is ready, with Reload and Later, accessibly and without taking focus', async () => {
    const scanner = await fixture(html`<div><input aria-label="Barcode" /></div>`);
    scanner.querySelector('input')!.focus();
    const shown = await prompt(scanner);
    expect(shown.status).to.match(/A new version is ready/);
    expect([shown.reload.textContent, shown.later.textContent]).to.deep.equal(['Reload', 'Later']);
    expect(document.activeElement).to.equal(scanner.querySelector('input'));
    await expect(shown.host).shadowDom.to.be.accessible();
  });

  it('speaks the scanner’s language: its locale attribute, else the nearest lang', async () => {
    const german = await fixture(html`<div locale="de"></div>`);
    expect((await prompt(german)).reload.textContent).to.equal('Neu laden');
    const dutch = await fixture(html`<section lang="nl-BE"><div></div></section>`);
    expect((await prompt(dutch.firstElementChild!)).status).to.match(/nieuwe versie/);
    for (const [locale, word] of [['fr', 'Recharger'], ['es', 'Recargar']]) {
      expect((await prompt(await fixture(html`<div locale=${locale}></div>`))).reload.textContent).to.equal(word);
    }
  });

  it('hands Reload and Later to the app', async () => {
    const clicks: string[] = [];
    const shown = await prompt(await fixture(html`<div></div>`), { onReload: () => void clicks.push('reload'), onLater: () => void clicks.push('later') });
    shown.reload.click();
    shown.later.click();
    expect(clicks).to.deep.equal(['reload', 'later']);
  });
});
