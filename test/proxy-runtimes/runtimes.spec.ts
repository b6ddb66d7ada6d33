/** The shared proxy suite on Node, Cloudflare's workerd (Miniflare) and Deno. */
import { proxySuite } from './shared-suite.js';
import { startDenoProxy, startNodeProxy, startWorkerdProxy } from './harness.js';

proxySuite('Node', startNodeProxy);
proxySuite('workerd (Cloudflare Workers, through Miniflare)', startWorkerdProxy);
proxySuite('Deno', startDenoProxy);
