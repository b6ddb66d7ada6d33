import { expect, fixture, html } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import type { WidgetErrorDetail, WidgetEvent } from '../../shared/events.js';
import './index.js';
import { UtickPackListHarness } from './utick-pack-list.harness.js';
import type { UtickPackList } from './index.js';

const NOW = '2027-03-01T12:00:00Z';
type Ids = Record<string, string>;

describe('<utick-pack-list>', () => {
  let mock: MockWorld;
  let ids: Ids;
  let apiBase: string;
  /** What the mock's Utick was asked for, as `path?query` (the proxy forwards, signed). */
  const asked = async () => (await mock.requests()).filter((r) => r.path.startsWith('/catalogue/')).map((r) => r.path + r.query);

  async function list(template = html`<utick-pack-list api-base=${apiBase} locale="en"></utick-pack-list>`): Promise<UtickPackListHarness> {
    const page = new UtickPackListHarness(await fixture<UtickPackList>(template));
    await page.settled();
    return page;
  }

  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    ids = await mock.control<Ids>('utick', '/ids');
    apiBase = `${mock.origin}/s/${mock.id}/utick-proxy`;
  });

  it('shows the first page of published packs with type, image and a buy link', async () => {
    const page = await list();
    expect(page.packs()).to.have.length(20);
    expect(page.ids()[0]).to.equal(ids.seedPack);
    const seed = page.pack(ids.seedPack!);
    expect(seed.querySelector('.title')!.textContent).to.equal('Pass de 10 places');
    expect(seed.querySelector('[part="type"]')!.textContent).to.equal('Passport');
    expect(seed.querySelector('.pick')!.textContent).to.equal('Up to 10');
    const image = seed.querySelector<HTMLImageElement>('[part="image"]')!;
    expect(image.src).to.match(/^http:\/\/127\.0\.0\.1:\d+\/s\/[^/]+\/utick\/library\/packs\//);
    expect(image.alt, 'decorative: the title says what it is').to.equal('');
    const buy = seed.querySelector<HTMLAnchorElement>('[part="buy"]')!;
    expect(buy.href).to.match(/^https:\/\/shop\.utick\.be\/\?pos=.+module=PACKS/);
    expect(buy.getAttribute('aria-label')).to.equal('Buy: Pass de 10 places');
    expect(page.range()).to.equal('Packs 1–20');
    expect(await asked()).to.deep.equal(['/catalogue/packs?limit=20&offset=0']);
  });

  it('labels every pack type the seed lists', async () => {
    const page = await list(html`<utick-pack-list api-base=${apiBase} limit="200"></utick-pack-list>`);
    const labels = new Set(page.packs().map((p) => p.querySelector('[part="type"]')!.textContent));
    expect([...labels].sort()).to.deep.equal(['Card', 'Passport', 'Shopping', 'Standard']);
  });

  it('pages with limit and offset until a short page, and back', async () => {
    const page = await list(html`<utick-pack-list api-base=${apiBase} limit="200"></utick-pack-list>`);
    expect(page.packs()).to.have.length(200);
    expect(page.pageButton('previous').disabled).to.equal(true);
    const firstPage = page.ids();

    await page.click(page.pageButton('next'));
    expect(page.range()).to.equal('Packs 201–400');
    expect(page.root.activeElement, 'focus lands on the new page').to.equal(page.root.querySelector('.range'));
    expect(page.ids().some((id) => firstPage.includes(id))).to.equal(false);

    await page.click(page.pageButton('next'));
    expect(page.packs()).to.have.length(53);
    expect(page.range()).to.equal('Packs 401–453');
    expect(page.pageButton('next').disabled, 'a short page is the last').to.equal(true);

    await page.click(page.pageButton('previous'));
    expect(page.range()).to.equal('Packs 201–400');
    expect(await asked()).to.deep.equal([
      '/catalogue/packs?limit=200&offset=0',
      '/catalogue/packs?limit=200&offset=200',
      '/catalogue/packs?limit=200&offset=400',
      '/catalogue/packs?limit=200&offset=200',
    ]);
  });

  for (const bad of ['201', '0', 'ten']) {
    it(`refuses limit="${bad}" (at most 200) with a ConfigError and makes no request`, async () => {
      const errors: Error[] = [];
      const page = await list(
        html`<utick-pack-list api-base=${apiBase} limit=${bad} @utick-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></utick-pack-list>`,
      );
      expect(page.error()!.dataset.errorName).to.equal('ConfigError');
      expect(page.error()!.textContent).to.contain('limit');
      expect(errors.map((e) => e.name)).to.deep.equal(['ConfigError']);
      expect(await mock.requests()).to.deep.equal([]);
    });
  }

  it('loads a pack’s sets of stocks only when asked, and hides them again', async () => {
    // Dates, prices and availability of stocks are not in the seed: a tenant that sends them.
    await mock.chooseReadings({ 'utick.packDetails.fields': 'full' });
    const page = await list();
    const pack = page.pack(ids.seedPack!);
    const toggle = pack.querySelector<HTMLButtonElement>('[part="details-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect((await asked()).some((p) => p.includes('/details/'))).to.equal(false);

    await page.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Hide what is included');
    const sets = pack.querySelectorAll('[part="set"]');
    expect(sets.length).to.be.greaterThan(0);
    const stocks = pack.querySelectorAll<HTMLElement>('[part="stock"]');
    expect(stocks.length).to.be.greaterThan(1);
    const time = stocks[0]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT(14|19|13|18):00:00\.000Z$/);
    expect(stocks[0]!.querySelector('.stock-price')!.textContent).to.match(/€/);
    expect(toggle.getAttribute('aria-controls')).to.equal(pack.querySelector('.sets-region')!.id);
    expect(await asked()).to.include(`/catalogue/packs/details/${ids.seedPack}/`);

    await page.click(toggle);
    expect(pack.querySelector('[part="sets"]')).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows stocks with only the fields the seed documents (id, label): no invented date, price or availability', async () => {
    // The default reading, pinned: the suite also runs with MOCK_READINGS choosing the tenant that sends them.
    await mock.chooseReadings({ 'utick.packDetails.fields': 'documented' });
    const errors: Error[] = [];
    const page = await list(html`<utick-pack-list api-base=${apiBase} locale="en" @utick-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></utick-pack-list>`);
    const pack = page.pack(ids.seedPack!);
    await page.click(pack.querySelector<HTMLButtonElement>('[part="details-toggle"]')!);
    const stocks = [...pack.querySelectorAll<HTMLElement>('[part="stock"]')];
    expect(stocks.length).to.be.greaterThan(1);
    for (const stock of stocks) {
      expect(stock.querySelector('.stock-label')!.textContent!.trim()).not.to.equal('');
      // A count, not the element: a failure reports a number (chai serializing a DOM node hangs the page).
      expect(stock.querySelectorAll('.stock-when, .stock-price, .sold-out').length, 'Utick said nothing of a date, price or availability').to.equal(0);
    }
    expect(pack.querySelector('[part="error"]')).to.equal(null);
    expect(errors).to.deep.equal([]);
  });

  it('lists child packs (mainpackid) under their parent', async () => {
    const answer = await (await fetch(`${apiBase}/catalogue/packs?limit=200`)).json();
    const packs = answer.response as { id: string; mainpackid: string }[];
    const child = packs.find((p) => p.mainpackid && packs.some((parent) => parent.id === p.mainpackid))!;
    expect(child, 'the mock has a child pack on the first page').to.not.equal(undefined);
    const page = await list(html`<utick-pack-list api-base=${apiBase} limit="200" locale="en"></utick-pack-list>`);
    const parent = page.pack(child.mainpackid);
    const nested = parent.querySelector<HTMLElement>(`[part="children"] [part="pack"][data-pack-id="${CSS.escape(child.id)}"]`);
    expect(nested, 'the child is inside its parent').to.not.equal(null);
    expect(parent.querySelector('[part="children"]')!.getAttribute('aria-label')).to.match(/^Packs that go with /);
    expect(page.packs(), 'every pack still shown once').to.have.length(200);
    expect(page.root.querySelectorAll(`[part="list"] > [data-pack-id="${CSS.escape(child.id)}"]`)).to.have.length(0);
  });

  it('with stock-id, shows only that stock in an opened pack (the seed\'s stockid filter), and says when a pack lacks it', async () => {
    const details = await (await fetch(`${apiBase}/catalogue/packs/details/${encodeURIComponent(ids.seedPack!)}/`)).json();
    const stockId = details.response.sets[0].stocks[1].id as string;
    const page = await list(html`<utick-pack-list api-base=${apiBase} stock-id=${stockId} locale="en"></utick-pack-list>`);
    const seed = page.pack(ids.seedPack!);
    await page.click(seed.querySelector<HTMLButtonElement>('[part="details-toggle"]')!);
    expect([...seed.querySelectorAll<HTMLElement>('[part="stock"]')].map((s) => s.dataset.stockId)).to.deep.equal([stockId]);
    expect(await asked()).to.include(`/catalogue/packs/details/${ids.seedPack}/?stockid=${encodeURIComponent(stockId)}`);
    const other = page.packs().find((p) => p.dataset.packId !== ids.seedPack && p.dataset.packId !== ids.maliciousPack)!;
    await page.click(other.querySelector<HTMLButtonElement>('[part="details-toggle"]')!);
    expect(other.querySelector('.empty-set')!.textContent!.trim()).to.equal('This performance is not in this pack.');
  });

  it('sanitizes HTML descriptions and links only http(s) addresses', async () => {
    const page = await list();
    const pack = page.pack(ids.maliciousPack!);
    const description = pack.querySelector('.description')!;
    expect(description.textContent).to.contain('Offre limitée !');
    expect(description.querySelector('img, script, [onerror]')).to.equal(null);
    const link = description.querySelector('a')!;
    expect(link.hasAttribute('href'), 'javascript: link defused').to.equal(false);
    expect(pack.querySelector('[part="buy"]'), 'no buy link to a javascript: URL').to.equal(null);
    expect(pack.querySelector('[part="image"]'), 'no image from a javascript: URL').to.equal(null);
  });

  it('shows a failure with a retry, fires utick-error, and recovers', async () => {
    // An edge proxy's HTML page on a 403 (a 5xx would be retried by the fetch layer first).
    await mock.fault({ vendor: 'utick', path: '/catalogue/packs', kind: 'html', status: 403, times: 1 });
    const errors: Error[] = [];
    const page = await list(html`<utick-pack-list api-base=${apiBase} @utick-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></utick-pack-list>`);
    expect(page.error()!.dataset.errorName).to.equal('ParseError');
    expect(errors.map((e) => e.name)).to.deep.equal(['ParseError']);
    await page.click(page.root.querySelector<HTMLButtonElement>('[part="retry"]')!);
    expect(page.packs()).to.have.length(20);
  });

  it('speaks the page’s language', async () => {
    const page = await list(html`<utick-pack-list api-base=${apiBase} locale="nl-BE"></utick-pack-list>`);
    expect(page.pack(ids.seedPack!).querySelector('[part="type"]')!.textContent).to.equal('Pas');
    expect(page.pageButton('next').textContent!.trim()).to.equal('Volgende');
  });

  it('is accessible, closed and opened', async () => {
    const page = await list(html`<utick-pack-list api-base=${apiBase} limit="4"></utick-pack-list>`);
    await expect(page.el).to.be.accessible();
    await page.click(page.pack(ids.seedPack!).querySelector<HTMLButtonElement>('[part="details-toggle"]')!);
    await expect(page.el).to.be.accessible();
  });
});
