// A loopback port nobody listens on, for the servers the tests and benchmarks start (WebKitWebDriver,
// WordPress, the Utick proxy's runtimes, Redis).
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
