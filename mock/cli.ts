/** `npm run mock [-- --port 8787]`: the mock vendor backend on its own, for a proxy or curl. */
import { startMockServer } from './server.js';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : Number(process.env.MOCK_PORT ?? 8787);
const mock = await startMockServer({ port });
console.log(`Mock vendor backend on ${mock.origin}
  AudienceView  api-base="${mock.origin}/audienceview"
  Vista OCAPI   api-base="${mock.origin}/vista"
  Utick         api-base="${mock.origin}/utick-proxy"   (the signing proxy, with the mock's demo keys)
  Utick upstream          ${mock.origin}/utick
  Control API             ${mock.origin}/__mock/health`);
