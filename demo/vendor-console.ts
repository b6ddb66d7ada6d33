/**
 * The demo's vendor console: runs a vendor call through the real clients in src/api against the
 * mock backend, optionally with a fault injected into the next request(s), and shows what an
 * element would receive (data, or an error with its literal name) and what went over the wire.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FaultRule, RequestLogEntry } from '../mock/core.js';
import { isAbortError } from '../src/api/errors.js';
import { MOCK_ROOT, scenarios, type Scenario } from './scenarios.js';

interface FaultChoice {
  label: string;
  rule?: Omit<FaultRule, 'vendor'>;
}

const FAULTS: FaultChoice[] = [
  { label: 'No fault' },
  { label: 'Offline (connection dropped)', rule: { kind: 'offline' } },
  { label: 'Slow (3 s)', rule: { kind: 'delay', delayMs: 3000 } },
  { label: '503 Service Unavailable', rule: { kind: 'http-error', status: 503 } },
  { label: '429 Too Many Requests (Retry-After 2)', rule: { kind: 'rate-limit', retryAfter: 2 } },
  { label: 'HTML error page from an edge proxy', rule: { kind: 'html', status: 502 } },
  { label: 'Truncated JSON', rule: { kind: 'truncated' } },
  { label: "Vendor error (in the vendor's own form)", rule: { kind: 'vendor-error' } },
  { label: 'Expired token / session', rule: { kind: 'expired-token' } },
  { label: 'Lock-out (Vista 32000)', rule: { kind: 'lockout', lockOutPeriodInSeconds: 30 } },
  { label: 'CORS preflight refused', rule: { kind: 'cors-block' } },
];

type Outcome =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; ms: number; data: unknown }
  | { state: 'failed'; ms: number; error: Error & Record<string, unknown> };

@customElement('demo-vendor-console')
export class DemoVendorConsole extends LitElement {
  static override styles = css`
    :host { display: block; background: var(--card); border: 1px solid var(--line); border-radius: 0.8rem; padding: 1rem 1.2rem; }
    form { display: grid; gap: 0.8rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: end; }
    label { display: grid; gap: 0.25rem; font-weight: 600; font-size: 0.9rem; min-width: 0; }
    select { width: 100%; }
    select, button { font: inherit; padding: 0.5rem 0.6rem; border-radius: 0.4rem; border: 1px solid var(--line); background: var(--paper); color: inherit; }
    button { background: var(--accent); color: var(--card); border: none; font-weight: 700; cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .check { display: flex; gap: 0.4rem; align-items: center; font-weight: 400; }
    .call { color: var(--muted); font-family: ui-monospace, monospace; font-size: 0.85rem; margin: 0.6rem 0 0; overflow-wrap: anywhere; }
    pre { background: var(--paper); border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.8rem; overflow: auto; max-height: 26rem; font-size: 0.8rem; }
    .error { border-left: 4px solid var(--danger); padding-left: 0.8rem; }
    .error strong { color: var(--danger); }
    .ok { color: var(--ok); font-weight: 700; }
    table { border-collapse: collapse; width: 100%; font-size: 0.82rem; }
    th, td { text-align: start; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
  `;

  @state() private scenario: Scenario = scenarios[0]!;
  @state() private fault: FaultChoice = FAULTS[0]!;
  @state() private keepFailing = false;
  @state() private outcome: Outcome = { state: 'idle' };
  @state() private log: RequestLogEntry[] = [];
  private controller?: AbortController;

  override render() {
    return html`
      <form @submit=${this.run}>
        <label>
          Vendor call
          <select @change=${(e: Event) => (this.scenario = scenarios[(e.target as HTMLSelectElement).selectedIndex]!)}>
            ${scenarios.map((s) => html`<option>${s.vendorLabel}: ${s.title}</option>`)}
          </select>
        </label>
        <label>
          Fault injected by the mock
          <select @change=${(e: Event) => (this.fault = FAULTS[(e.target as HTMLSelectElement).selectedIndex]!)}>
            ${FAULTS.map((f) => html`<option>${f.label}</option>`)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" .checked=${this.keepFailing} @change=${(e: Event) => (this.keepFailing = (e.target as HTMLInputElement).checked)} />
          Keep failing (otherwise only the next request fails, and a GET is retried)
        </label>
        <button type="submit">${this.outcome.state === 'running' ? 'Running…' : 'Run'}</button>
      </form>
      <p class="call">${this.scenario.call}</p>
      ${this.renderOutcome()} ${this.renderLog()}
    `;
  }

  private renderOutcome() {
    const o = this.outcome;
    switch (o.state) {
      case 'idle':
        return nothing;
      case 'running':
        return html`<p role="status">Waiting for the vendor…</p>`;
      case 'done':
        return html`<p role="status" class="ok">Answered in ${o.ms} ms</p>
          <pre>${preview(o.data)}</pre>`;
      case 'failed': {
        // The error's own fields (status, vendor code, forceLogout, lockOutPeriodInSeconds…).
        const own = Object.fromEntries(Object.entries(o.error).filter(([k, v]) => v !== undefined && !['name', 'details'].includes(k)));
        return html`<div class="error" role="alert">
          <p><strong>${o.error.name}</strong> after ${o.ms} ms: ${o.error.message}</p>
          <pre>${preview(own)}</pre>
        </div>`;
      }
    }
  }

  private renderLog() {
    if (!this.log.length) return nothing;
    return html`<h3>What went over the wire</h3>
      <table>
        <thead><tr><th>Method</th><th>Path</th><th>Status</th><th>Fault</th></tr></thead>
        <tbody>
          ${this.log.map((r) => html`<tr><td>${r.method}</td><td>${r.path}${r.query}</td><td>${r.status || 'dropped'}</td><td>${r.fault ?? ''}</td></tr>`)}
        </tbody>
      </table>`;
  }

  private async run(event: Event) {
    event.preventDefault();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const { scenario } = this;
    await control('DELETE', '/faults');
    const before = (await control<{ requests: RequestLogEntry[] }>('GET', '/requests')).requests.length;
    if (this.fault.rule) {
      await control('POST', '/faults', { ...this.fault.rule, vendor: scenario.vendor, ...(this.keepFailing ? {} : { times: 1 }) } satisfies FaultRule);
    }
    this.outcome = { state: 'running' };
    const started = performance.now();
    try {
      const data = await scenario.run(controller.signal);
      this.outcome = { state: 'done', ms: Math.round(performance.now() - started), data };
    } catch (error) {
      if (isAbortError(error)) return;
      this.outcome = { state: 'failed', ms: Math.round(performance.now() - started), error: error as Error & Record<string, unknown> };
    }
    await control('DELETE', '/faults');
    this.log = (await control<{ requests: RequestLogEntry[] }>('GET', '/requests')).requests.slice(before).filter((r) => r.vendor === scenario.vendor);
  }
}

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${MOCK_ROOT}/__mock${path}`, {
    method,
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return (await res.json()) as T;
}

/** Pretty JSON, cut to a readable length (a big ticket cache is megabytes). */
function preview(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > 6000 ? `${text.slice(0, 6000)}\n… (${Math.round(text.length / 1024)} KB in all)` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-vendor-console': DemoVendorConsole;
  }
}
