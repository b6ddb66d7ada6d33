/**
 * What the element loads, each a `@lit/task` (an answer for an older configuration or member is
 * dropped, and a request no longer wanted is aborted): the start (the member's session found
 * again after a reload), the member's subscription cards, and the site's partner schemes. The
 * session is watched while the element is in the page: another member (or none) means other cards.
 */
import { Task, TaskStatus } from '@lit/task';
import { ConfigError, isAbortError } from '../../../api/errors.js';
import type { ThirdPartyMemberScheme, TicketRedemptionCard } from '../../../api/vista/types.js';
import { checkAddress } from '../../../shared/attribute-checks.js';
import { VistaSessionWatch } from '../../../shared/vista/session-watch.js';
import {
  checkVistaMode,
  currentVistaSession,
  restoreVistaSession,
  vistaConfigOf,
  withVistaMember,
  type VistaSessionChange,
  type VistaSessionMode,
} from '../../../shared/vista/session.js';
import { clientOf, type RedemptionContext } from './redemption-host.js';

export class MemberCardsController {
  signedIn = false;
  /** Vista ended the member's session: the element says so, and a load it broke is not an error. */
  sessionEnded = false;
  private readonly watch = new VistaSessionWatch(
    this.ctx.host,
    (change) => this.changed(change),
    (session) => (session !== undefined) !== this.signedIn && this.changed(session ? { kind: 'signed-in', session } : { kind: 'signed-out' }),
  );

  /** Checks the configuration, watches the session and finds it; runs again when the order, showtime, site, api-base or mode changes. */
  readonly start = new Task<[string, string, string, string, string], boolean>(this.ctx.host, {
    task: async ([apiBase, orderId, showtimeId, siteId, mode]) => {
      this.watch.watch();
      this.ctx.show(undefined);
      this.startedAgain();
      const missing = !apiBase ? 'api-base' : !orderId ? 'order-id' : !showtimeId ? 'showtime-id' : undefined;
      if (missing) throw new ConfigError(`<vista-ticket-redemption> needs ${missing}`, missing);
      checkAddress(apiBase, 'api-base');
      checkVistaMode(mode);
      this.watch.watch(apiBase);
      if (siteId) void this.schemes.run();
      else this.schemes.abort();
      try {
        // Shared with the page's other Vista elements (one restore per api-base): not aborted, its
        // answer for an older configuration is dropped.
        return (currentVistaSession(apiBase) ?? (await restoreVistaSession(vistaConfigOf(this.ctx.host), mode as VistaSessionMode))) !== undefined;
      } catch {
        return false; // the sign-in element explains what went wrong with the session
      }
    },
    args: () => {
      const h = this.ctx.host;
      return [h.apiBase, h.orderId, h.showtimeId, h.siteId, h.mode];
    },
    onComplete: (signedIn) => this.sessionIs(signedIn),
    onError: (error) => this.ctx.show(this.ctx.report(error)),
  });

  /** The signed-in member's subscription cards (and those friends shared). */
  readonly cards = new Task<[], TicketRedemptionCard[]>(this.ctx.host, {
    autoRun: false,
    task: (_, { signal }) => withVistaMember(this.ctx.host.apiBase, (options) => clientOf(this.ctx.host).getMemberTicketRedemptionCards({ ...options, signal })),
    onError: (error) => this.failed(error, !this.sessionEnded, () => void this.cards.run()),
  });

  /** The site's third-party member schemes (`site-id`). */
  readonly schemes = new Task<[], ThirdPartyMemberScheme[]>(this.ctx.host, {
    autoRun: false,
    task: (_, { signal }) => clientOf(this.ctx.host).getThirdPartyMemberSchemes(this.ctx.host.siteId, { signal }),
    onError: (error) => this.failed(error, true, () => void this.schemes.run()),
  });

  constructor(
    private readonly ctx: RedemptionContext,
    /** Another member (or none), or another configuration: what was added is not theirs. */
    private readonly startedAgain: () => void,
    private readonly memberChanged: () => void,
  ) {}

  /** The cards as loaded; none while they load, or when the load failed. */
  get cardList(): TicketRedemptionCard[] | undefined {
    return this.start.status === TaskStatus.PENDING || this.cards.status !== TaskStatus.COMPLETE ? undefined : this.cards.value;
  }

  get schemeList(): ThirdPartyMemberScheme[] | undefined {
    return this.ctx.host.siteId && this.schemes.status === TaskStatus.COMPLETE ? this.schemes.value : undefined;
  }

  private changed(change: VistaSessionChange): void {
    if (change.kind === 'updated') return;
    this.sessionEnded = change.kind === 'expired';
    this.memberChanged();
    this.sessionIs(change.kind === 'signed-in');
  }

  private sessionIs(signedIn: boolean): void {
    this.signedIn = signedIn;
    if (signedIn) void this.cards.run();
    else this.cards.abort();
    this.ctx.host.requestUpdate();
  }

  private failed(error: unknown, show: boolean, retry: () => void): void {
    if (show && !isAbortError(error)) this.ctx.show(this.ctx.report(error), retry);
  }
}
