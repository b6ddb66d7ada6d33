/// <reference types="node" />
/**
 * The Utick signing proxy on Node (>= 20): `npx venue-widgets utick-proxy` runs `cli.ts`, which
 * calls `serveUtickProxy` with the options read from the environment. The app itself (app.ts)
 * is runtime-neutral; only serving it and finding the client's address are Node's business here.
 */
import { getRequestListener, serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'hono';
import { createUtickProxy, type UtickProxyOptions } from './app.js';

export interface NodeUtickProxyOptions extends UtickProxyOptions {
  port?: number;
  hostname?: string;
  /**
   * Behind a reverse proxy (nginx, a load balancer) every request comes from it: take the client
   * from the last `X-Forwarded-For` entry, the one that proxy added. Off by default, because a
   * client could otherwise pick its own address and dodge the rate limit.
   */
  trustProxy?: boolean;
}

export interface RunningUtickProxy {
  /** e.g. `http://127.0.0.1:8788` */
  origin: string;
  server: ServerType;
  close(): Promise<void>;
}

/** The client address the rate limit counts by. */
export function nodeClientAddress(trustProxy: boolean): (c: Context) => string | undefined {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
  };
}

/**
 * Request lines written once the answers have left: Node writes stdout synchronously to a pipe or
 * a file, and the app logs before it hands its answer over, so a direct write would hold every
 * answer for a system call (and wake whatever reads the log) first. Lines of one turn of the
 * event loop go out in one write.
 */
export function logAfterAnswering(write: (text: string) => void = (text) => console.log(text)): (line: string) => void {
  // console.log, not process.stdout.write: Console ignores a closed stdout (EPIPE) instead of
  // crashing the proxy when whatever reads its log goes away.
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('\n');
    pending = [];
    write(text);
  };
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

export function serveUtickProxy(options: NodeUtickProxyOptions): Promise<RunningUtickProxy> {
  const { port = 8788, hostname = '127.0.0.1', trustProxy = false, ...proxy } = options;
  const app = createUtickProxy({ clientAddress: nodeClientAddress(trustProxy), log: logAfterAnswering(), ...proxy });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        origin: `http://${host}:${info.port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * The app as a Node `(req, res)` handler, for mounting inside another Node server (the mock
 * backend, Vite's dev server). `req.url` must already be relative to the proxy's root.
 * Node's own Request and Response are left in place: the host server shares the process.
 */
export function utickProxyListener(app: { fetch: (request: Request, env: any) => Response | Promise<Response> }): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener(app.fetch, { overrideGlobalObjects: false });
}
