// A test-runner plugin that fires a real Background Sync event at a service worker, as the browser
// does when the network comes back: the DevTools protocol's ServiceWorker.dispatchSyncEvent, sent
// through the test page's own CDP session. The browser side is `executeServerCommand('dispatch-sync-event',
// { scope, tag })`; it resolves once the event was dispatched (not when the worker's waitUntil ends).
export function syncEventPlugin() {
  return {
    name: 'dispatch-sync-event',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dispatch-sync-event') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        const live = new Map();
        cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          for (const registration of registrations) {
            if (registration.isDeleted) live.delete(registration.scopeURL);
            else live.set(registration.scopeURL, registration);
          }
        });
        await cdp.send('ServiceWorker.enable');
        const scope = new URL(payload.scope, page.url()).href;
        const deadline = Date.now() + 5000;
        while (!live.has(scope) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        const registration = live.get(scope);
        if (!registration) throw new Error(`dispatch-sync-event: no service worker registered for ${scope} (known: ${[...live.keys()].join(', ') || 'none'})`);
        await cdp.send('ServiceWorker.dispatchSyncEvent', {
          origin: new URL(scope).origin,
          registrationId: registration.registrationId,
          tag: payload.tag,
          lastChance: payload.lastChance === true,
        });
        return { registrationId: registration.registrationId };
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
  };
}
