import { expect } from '@open-wc/testing';
import { openMockWorld } from '../../../test/mock.js';
import { signUtickRequest, verifyUtickSignature, type UtickKeyPair } from './signature.js';

const NOW_MS = Date.parse('2027-03-01T12:00:00Z');
const KEYS: UtickKeyPair = { publicKey: 'pk_test_public', privateKey: 'sk_test_private' };
// The control endpoint at the seed's path (no trailing slash).
const CONTROL_PATH = '/catalogue/streams/97B8994B-D521-A2C2-FA06-982B5F1DAFD2/control?accesscode=ABCD-EFGH';

const privateKeyFor = (publicKey: string) => (publicKey === KEYS.publicKey ? KEYS.privateKey : undefined);

describe('Utick request signature', () => {
  it('produces the documented headers (a known-answer vector computed outside our code)', async () => {
    const headers = await signUtickRequest({ ...KEYS, method: 'get', pathAndQuery: CONTROL_PATH, timestamp: NOW_MS + 999 });
    // Computed once in a shell, with OpenSSL (python3's hmac module gives the same digest):
    //   printf 'pk_test_public\n1803902400\nGET\n/catalogue/streams/97B8994B-D521-A2C2-FA06-982B5F1DAFD2/control?accesscode=ABCD-EFGH' \
    //     | openssl dgst -sha256 -hmac sk_test_private
    //   SHA2-256(stdin)= c9134186de2e1e6cb52f7964e3634240857e814d918d79fe7322a42e31de47b0
    expect(headers).to.deep.equal({
      'X-Utick-Public-Key': 'pk_test_public',
      'X-Utick-Timestamp': '1803902400',
      'X-Utick-Signature': 'c9134186de2e1e6cb52f7964e3634240857e814d918d79fe7322a42e31de47b0',
    });
  });

  it('verifies its own signature, from a Headers object or a Node-style record', async () => {
    const signed = await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: CONTROL_PATH, timestamp: NOW_MS });
    const lowerCased = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
    for (const headers of [new Headers(signed), lowerCased]) {
      const result = await verifyUtickSignature({ headers, method: 'GET', pathAndQuery: CONTROL_PATH, privateKeyFor, now: NOW_MS + 60_000 });
      expect(result).to.deep.equal({ valid: true, publicKey: KEYS.publicKey });
    }
  });

  it('refuses a changed path, query or method', async () => {
    const headers = await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: CONTROL_PATH, timestamp: NOW_MS });
    const check = (method: string, pathAndQuery: string) => verifyUtickSignature({ headers, method, pathAndQuery, privateKeyFor, now: NOW_MS });
    expect(await check('GET', CONTROL_PATH.replace('ABCD-EFGH', 'ABCD-EFGI'))).to.deep.equal({ valid: false, reason: 'mismatch' });
    expect(await check('GET', CONTROL_PATH.replace('/control', '/control/'))).to.deep.equal({ valid: false, reason: 'mismatch' });
    expect(await check('POST', CONTROL_PATH)).to.deep.equal({ valid: false, reason: 'mismatch' });
  });

  it('refuses a timestamp more than five minutes off, either way', async () => {
    const headers = await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: '/catalogue/packs', timestamp: NOW_MS });
    const at = (now: number) => verifyUtickSignature({ headers, method: 'GET', pathAndQuery: '/catalogue/packs', privateKeyFor, now });
    expect((await at(NOW_MS + 4 * 60_000)).valid).to.equal(true);
    expect(await at(NOW_MS + 6 * 60_000)).to.deep.equal({ valid: false, reason: 'stale' });
    expect(await at(NOW_MS - 6 * 60_000)).to.deep.equal({ valid: false, reason: 'stale' });
  });

  it('refuses missing headers, an unknown public key and a forged signature', async () => {
    const signed = await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: '/catalogue/packs', timestamp: NOW_MS });
    const check = (headers: Record<string, string>) =>
      verifyUtickSignature({ headers, method: 'GET', pathAndQuery: '/catalogue/packs', privateKeyFor, now: NOW_MS });
    expect(await check({})).to.deep.equal({ valid: false, reason: 'missing' });
    expect(await check({ ...signed, 'X-Utick-Public-Key': 'pk_stranger' })).to.deep.equal({ valid: false, reason: 'unknown-key' });
    expect(await check({ ...signed, 'X-Utick-Signature': 'not hex at all' })).to.deep.equal({ valid: false, reason: 'mismatch' });
    expect(await check({ ...signed, 'X-Utick-Signature': '00'.repeat(32) })).to.deep.equal({ valid: false, reason: 'mismatch' });
  });

  it('is accepted by the mock backend when signed in the browser with the mock keys', async () => {
    const mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
    const keys = await mock.control<UtickKeyPair>('utick', '/keys');
    const pathAndQuery = '/catalogue/packs?limit=3&offset=10';
    const headers = await signUtickRequest({ ...keys, method: 'GET', pathAndQuery, timestamp: NOW_MS });
    const signedAnswer = await fetch(mock.base('utick') + pathAndQuery, { headers });
    const unsignedAnswer = await fetch(mock.base('utick') + pathAndQuery);
    expect(signedAnswer.status).to.equal(200);
    expect(((await signedAnswer.json()) as { response: unknown[] }).response).to.have.length(3);
    expect(unsignedAnswer.status).to.equal(401);
  });
});
