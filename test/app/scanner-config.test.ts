/**
 * The venue's scanner.config.json, checked the same way by the app at start-up and by
 * `npx venue-widgets scanner-app` (src/scanner-app/config.ts): every mistake named by key, with
 * what was expected and what was found, and the settings turned into the element's attributes.
 */
import { expect } from '@open-wc/testing';
import { parseScannerConfig, scannerAttributes, validateScannerConfig } from '../../src/scanner-app/config.js';

describe('scanner.config.json', () => {
  it('takes a venue’s full settings, ids as numbers or digits, and gives the element its attributes', () => {
    const result = validateScannerConfig({
      $comment: 'Harbour Lights, main door',
      apiBase: 'https://tickets.harbourlights.example/audienceview',
      timeZone: 'America/Chicago',
      clientId: 284,
      productionId: '962515',
      mode: 'offline',
      hidePatronNames: true,
      locale: 'fr-ca',
      barcodeFormats: ['qr_code', 'code_128'],
    });
    expect(result.ok).to.equal(true);
    expect(result.ok && scannerAttributes(result.config)).to.deep.equal({
      'api-base': 'https://tickets.harbourlights.example/audienceview',
      'time-zone': 'America/Chicago',
      'client-id': '284',
      'production-id': '962515',
      mode: 'offline',
      'hide-patron-names': true,
      locale: 'fr-CA',
      'barcode-formats': 'qr_code code_128',
    });
  });

  it('needs only the time zone; a proxy on the app’s own site is a path', () => {
    const minimal = validateScannerConfig({ timeZone: 'Europe/Brussels' });
    expect(minimal.ok && scannerAttributes(minimal.config)).to.deep.equal({ 'time-zone': 'Europe/Brussels', mode: 'auto', 'hide-patron-names': false });
    const proxied = validateScannerConfig({ timeZone: 'Europe/Brussels', apiBase: '/audienceview' });
    expect(proxied.ok && proxied.config.apiBase).to.equal('/audienceview');
  });

  it('names every mistake at once: key, what was expected, what was found', () => {
    const result = validateScannerConfig({
      apiBase: 'javascript:alert(1)',
      mode: 'fast',
      hidePatronNames: 'yes',
      performanceId: -4,
      locale: 'not a locale!',
      barcodeFormats: ['qr_code', 'hologram'],
      time_zone: 'America/New_York',
    });
    expect(result.ok).to.equal(false);
    const problems = result.ok ? [] : result.problems;
    expect(Object.fromEntries(problems.map((p) => [p.key, p.found]))).to.deep.equal({
      time_zone: 'an unknown setting (did you mean timeZone?)',
      apiBase: '"javascript:alert(1)"',
      timeZone: 'nothing',
      performanceId: '-4',
      mode: '"fast"',
      hidePatronNames: '"yes"',
      locale: '"not a locale!"',
      barcodeFormats: '["qr_code","hologram"]',
    });
    expect(problems.find((p) => p.key === 'mode')?.expected).to.equal('one of "auto", "online", "offline"');
    expect(problems.find((p) => p.key === 'timeZone')?.expected).to.match(/IANA time zone/);
  });

  it('says so when the file is not JSON, or not an object of settings', () => {
    const broken = parseScannerConfig('{ "timeZone": "America/New_York", }');
    expect(broken.ok === false && broken.problems.map((p) => [p.key, p.expected])).to.deep.equal([['(the file)', 'valid JSON']]);
    const list = parseScannerConfig('["America/New_York"]');
    expect(list.ok === false && list.problems[0]!.found).to.equal('["America/New_York"]');
    // A byte-order mark, as some Windows editors save, is not a mistake.
    expect(parseScannerConfig('\uFEFF{ "timeZone": "America/New_York" }').ok).to.equal(true);
  });
});
