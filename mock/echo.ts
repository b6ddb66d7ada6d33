/**
 * Not a vendor: a neutral endpoint for testing the fetch layer on its own, so those tests do not
 * depend on any vendor's data. `GET /echo/json?x=1` answers what it received;
 * `/echo/status/418` answers that status with a small JSON body.
 */
import type { VendorModule } from './core.js';

export const echo: VendorModule<{ calls: number }> = {
  name: 'echo',
  createState: () => ({ calls: 0 }),
  handle(req, state) {
    state.calls++;
    const status = /^\/status\/(\d{3})$/.exec(req.path);
    if (status) return { status: Number(status[1]), body: { status: Number(status[1]) } };
    if (req.path === '/json') {
      return {
        body: {
          method: req.method,
          path: req.path,
          query: Object.fromEntries(req.query),
          contentType: req.header('content-type') ?? null,
          body: req.body,
          call: state.calls,
        },
      };
    }
    return undefined;
  },
};
