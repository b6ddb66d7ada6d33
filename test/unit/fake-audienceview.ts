/**
 * A small AudienceView scanning server for the scanner's offline core in node: its own ticket list
 * and its own record of every insert (`inserts`), reached through a fake global `fetch`. Repeats
 * are inserted again without a word (`repeat: 'accepted'`, what the seed allows) or refused with
 * "Ticket has already been scanned." (`'refused'`). `loseNextAnswer` applies a syncScans and then
 * drops the connection, as a foyer's network does.
 */
import type { ScannableTicket } from '../../src/api/audienceview/types.js';

export interface FakeTicket {
  ticketId: number;
  barcode: string;
  performanceId: number;
  productionId: number;
  clientId: number;
  status?: 'valid' | 'refunded';
  name?: string;
  section?: string;
  seat?: string;
  patron?: unknown;
}

export interface Insert {
  barcode: string;
  ticketId: number;
  performanceId: number;
  scanTime: number;
}

export class FakeAudienceView {
  readonly apiBase: string;
  readonly inserts: Insert[] = [];
  readonly syncBodies: any[] = [];
  readonly listRequests: URLSearchParams[] = [];
  /** Ticket id → scan time, as the server knows it. */
  readonly scanned = new Map<number, number>();
  repeat: 'accepted' | 'refused' = 'accepted';
  loseNextAnswer = false;
  /** The next syncScans answers with the scanning error form instead. */
  nextSyncError: { errorCodeId: number; forceLogout: boolean } | undefined;
  /** Extra refusals to add to the next answer (e.g. a barcode the device never sent). */
  extraFailures: { barcode: string; reason: string }[] = [];
  offline = false;
  /** Only syncScans fails to connect (a POST is never retried: no waiting in tests). */
  syncUnreachable = false;
  /** cache/validTickets answers with the scanning error form (session over). */
  listRefused = false;
  private readonly original = globalThis.fetch;
  private static instances = 0;

  constructor(readonly tickets: FakeTicket[]) {
    this.apiBase = `https://av${++FakeAudienceView.instances}.example`;
    globalThis.fetch = this.fetch as typeof fetch;
  }

  get session() {
    return { apiBase: this.apiBase, username: 'door1', accessToken: 'tok' };
  }

  restore(): void {
    globalThis.fetch = this.original;
  }

  /** Another device admits a ticket (the list then says alreadyScanned). */
  admitElsewhere(barcode: string, at = Date.now()): void {
    const ticket = this.tickets.find((t) => t.barcode.toLowerCase() === barcode.toLowerCase())!;
    this.scanned.set(ticket.ticketId, at);
  }

  private readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    if (url.origin !== this.apiBase) throw new TypeError(`unexpected host ${url.origin}`);
    if (url.pathname === '/public/scanning/cache/validTickets') return this.validTickets(url.searchParams);
    if (url.pathname === '/public/scanning/cache/syncScans' && init.method === 'POST') return this.syncScans(JSON.parse(String(init.body)));
    return new Response('not found', { status: 404 });
  };

  private validTickets(query: URLSearchParams): Response {
    this.listRequests.push(query);
    if (this.listRefused) return Response.json({ error: true, errorDetails: { errorCodeId: 3, errorCodeName: 'Refused', forceLogout: false }, accessTokenExpiration: null });
    const number = (name: string) => (query.get(name) ? Number(query.get(name)) : null);
    const [clientId, productionId, performanceId] = [number('clientId'), number('productionId'), number('performanceId')];
    const tickets: ScannableTicket[] = this.tickets
      .filter((t) => t.clientId === clientId && (productionId === null || t.productionId === productionId) && (performanceId === null || t.performanceId === performanceId))
      .map((t) => ({
        ticketId: t.ticketId,
        performanceId: t.performanceId,
        productionName: `Production ${t.productionId}`,
        performanceStartDate: 1_800_000_000_000 + t.performanceId,
        barcode: t.barcode,
        alreadyScanned: this.scanned.has(t.ticketId),
        refundedOrVoided: t.status === 'refunded',
        orderConsumerName: t.name ?? 'Ada Lovelace',
        performance: `Evening ${t.performanceId}`,
        section: t.section ?? 'Stalls',
        seat: t.seat ?? 'A1',
        ticketsScanned: null,
        ticketsSold: 2,
        patron: (t.patron ?? null) as ScannableTicket['patron'],
      }));
    return Response.json({ error: false, accessTokenExpiration: 1234, clientId, productionId, performanceId, tickets });
  }

  private syncScans(body: any): Response {
    if (this.syncUnreachable) throw new TypeError('Failed to fetch');
    this.syncBodies.push(body);
    if (this.nextSyncError) {
      const details = this.nextSyncError;
      this.nextSyncError = undefined;
      return Response.json({ error: true, errorDetails: { ...details, errorCodeName: 'Refused' }, accessTokenExpiration: null });
    }
    const failedBarcodes: { barcode: string; reason: string }[] = [...this.extraFailures];
    this.extraFailures = [];
    for (const item of body.tickets) {
      const ticket = this.tickets.find((t) => t.barcode.toLowerCase() === String(item.barcode).toLowerCase());
      if (!ticket || ticket.ticketId !== item.ticketId) {
        failedBarcodes.push({ barcode: item.barcode, reason: 'Ticket ID not found.' });
        continue;
      }
      if (ticket.status === 'refunded') {
        failedBarcodes.push({ barcode: item.barcode, reason: 'Ticket is refunded or voided.' });
        continue;
      }
      const repeat = this.scanned.has(ticket.ticketId);
      if (repeat && this.repeat === 'refused') {
        failedBarcodes.push({ barcode: item.barcode, reason: 'Ticket has already been scanned.' });
        continue;
      }
      if (!repeat) this.scanned.set(ticket.ticketId, item.scanTime);
      this.inserts.push({ barcode: ticket.barcode, ticketId: ticket.ticketId, performanceId: item.performanceId, scanTime: item.scanTime });
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('network connection was lost');
    }
    return Response.json({ error: false, accessTokenExpiration: 5678, failedBarcodes });
  }

  /** How many times the server inserted a scan of this barcode. */
  insertsOf(barcode: string): number {
    return this.inserts.filter((i) => i.barcode.toLowerCase() === barcode.toLowerCase()).length;
  }
}
