/**
 * Starts the embedded mock vendor backend on a local port. Used by the test runner, the
 * benchmarks and `npm run mock`; the demo mounts the same handler inside Vite (see vite.config.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockBackend, readingsFromEnv, type MockBackend, type WorldOptions } from './core.js';
import { audienceview } from './audienceview.js';
import { vista } from './vista.js';
import { createUtickProxyMount, utick } from './utick.js';
import { echo } from './echo.js';

export const vendorModules = [audienceview, vista, utick, echo];

/** The backend with every vendor module, not yet bound to a port. */
export function createVendorBackend(defaults: WorldOptions = {}): MockBackend {
  // MOCK_READINGS plays another reading of the vendors' silences in every world (see core.ts).
  const readings = { ...readingsFromEnv(process.env.MOCK_READINGS, vendorModules), ...defaults.readings };
  return createMockBackend(vendorModules, { ...defaults, readings });
}

export interface RunningMock {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  backend: MockBackend;
  server: Server;
  close(): Promise<void>;
}

export async function startMockServer(options: { port?: number; host?: string } & WorldOptions = {}): Promise<RunningMock> {
  const { port = 0, host = '127.0.0.1', ...world } = options;
  const backend = createVendorBackend(world);
  // The real Utick signing proxy at /utick-proxy, in front of the mock Utick (see mock/utick.ts).
  const utickProxy = createUtickProxyMount(backend, (req) => `http://${req.headers.host}`);
  const server = createServer((req, res) => {
    if (!utickProxy(req, res)) void backend.handle(req, res);
  });
  server.keepAliveTimeout = 5000; // Node's default: clients keep a connection for the hint minus 1 s, so 1 s meant a new one per request
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${bound}`,
    backend,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
