// `npx venue-widgets doctor` against the mock vendor backend under each reading of the
// AudienceView public document's silences (MOCK_READINGS: the defaults, every reading's second
// choice, every reading's third). Node's own test runner: `npm run test:doctor` (part of `npm test`).
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { doctor } from '../../bin/doctor.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The mock backend in a process of its own, with backend-wide readings. */
async function startMock(readings) {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'mock/cli.ts', '--port', '0'], {
    cwd: root,
    env: { ...process.env, MOCK_READINGS: readings },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /Mock vendor backend on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the mock exited (${code}) before it listened`)));
  });
  return { origin, stop: () => child.kill() };
}

/**
 * Runs doctor, returning its exit code, its findings (JSON) and its printed lines. A minute per
 * request unless the test says otherwise: these tests are about readings, and a 2-core machine
 * running the browser suites beside them once took over doctor's 15 s on the 2,000-performance list.
 */
async function run(args) {
  if (!args.includes('--timeout')) args = [...args, '--timeout', '60000'];
  const lines = [];
  const out = { log: (text) => lines.push(text), error: (text) => lines.push(text) };
  const code = await doctor([...args, '--json'], out);
  const printed = [];
  await doctor(args, { log: (text) => printed.push(text), error: (text) => printed.push(text) });
  const report = JSON.parse(lines.join('\n'));
  return { code, report, reading: (probe) => report.findings.find((f) => f.probe === probe)?.reading, printed: printed.join('\n') };
}

const worlds = [
  { name: 'the defaults', env: '', month: 'zero-based', start: 'eastern-wall-clock', statuses: 'listed', inactive: 'inactive', order: 'unordered' },
  { name: "every reading's second choice", env: 'all:1', month: 'one-based', start: 'instant', statuses: 'omitted', inactive: 'inactive (errors)', order: 'start-order' },
  { name: "every reading's third choice", env: 'all:2', month: 'time-only', start: 'instant', statuses: 'none seen', inactive: 'inactive', order: 'start-order' },
];

for (const world of worlds) {
  describe(`doctor against the mock, ${world.name}`, { timeout: 240_000 }, () => {
    let mock;
    before(async () => (mock = await startMock(world.env)));
    after(() => mock?.stop());

    it(`finds the month numbering (${world.month}), the D/U productions (${world.statuses}), the order, and CORS for the page's origin`, async () => {
      const { code, reading, printed } = await run(['--client-id', '284', '--api-base', `${mock.origin}/audienceview`, '--origin', 'https://www.venue.example']);
      assert.equal(code, 0);
      assert.equal(reading('calendar month numbering'), world.month);
      assert.equal(reading('D/U productions'), world.statuses);
      assert.equal(reading('events order'), world.order);
      assert.equal(reading('CORS for the page origin'), 'allowed');
      assert.equal(reading('performanceStart'), 'indistinguishable'); // a New York venue
      assert.match(printed, /^doctor: 6 probes, 0 blocking; readings: /m);
    });

    it(`tells performanceStart ${world.start} at a Chicago venue, and says so when --time-zone is wrong`, async () => {
      const chicago = await run(['--client-id', '300', '--time-zone', 'America/Chicago', '--api-base', `${mock.origin}/audienceview`]);
      assert.equal(chicago.reading('performanceStart'), world.start);
      const wrongZone = await run(['--client-id', '300', '--time-zone', 'Asia/Tokyo', '--api-base', `${mock.origin}/audienceview`]);
      assert.equal(wrongZone.reading('performanceStart'), world.start === 'instant' ? 'neither' : 'eastern-wall-clock');
    });

    it('reports an inactive client as blocking', async () => {
      const { code, reading } = await run(['--client-id', '301', '--api-base', `${mock.origin}/audienceview`]);
      assert.equal(code, 1);
      assert.equal(reading('clientActive'), world.inactive);
    });
  });
}

describe('doctor: what blocks going live', { timeout: 240_000 }, () => {
  let mock;
  before(async () => (mock = await startMock('')));
  after(() => {
    mock?.stop();
    console.log('doctor: tested against the mock under every reading of the AudienceView public document (defaults, all:1, all:2)');
  });

  it("reports a CORS preflight refused for the page's origin", async () => {
    await fetch(`${mock.origin}/__mock/faults`, { method: 'POST', body: JSON.stringify({ vendor: 'audienceview', kind: 'cors-block', times: 1 }) });
    const { code, reading } = await run(['--client-id', '284', '--api-base', `${mock.origin}/audienceview`, '--origin', 'https://www.venue.example']);
    assert.equal(code, 1);
    assert.equal(reading('CORS for the page origin'), 'refused');
  });

  it('refuses bad options with exit code 2 and makes no request', async () => {
    const count = async () => (await (await fetch(`${mock.origin}/__mock/requests`)).json()).requests.length;
    const before = await count();
    const printed = [];
    const code = await doctor(['--client-id', 'harbour', '--api-base', `${mock.origin}/audienceview`], { log: (t) => printed.push(t), error: (t) => printed.push(t) });
    assert.equal(code, 2);
    assert.match(printed.join('\n'), /--client-id must be your AudienceView client number/);
    assert.equal(await count(), before);
  });
});

