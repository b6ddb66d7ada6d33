import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { controlStreamAccess, getStream, type UtickStreamCredential } from '../../api/utick/catalogue.js';
import { isAccessGranted, type UtickControlCode, type UtickStream } from '../../api/utick/types.js';
import { asError, ConfigError, isAbortError, VendorError } from '../../api/errors.js';
import { renderErrorView } from '../../shared/error-view.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { define, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { safeHttpUrl, vendorHtml } from '../../shared/sanitize.js';
import { isValidTimeZone } from '../../shared/time-zone.js';
import { renderUtickLoading } from '../../shared/utick/loading.js';
import { formatUtickDateTime, UTICK_DEFAULT_TIME_ZONE, utickInstant } from '../../shared/utick/dates.js';
import { UtickAccessDeniedEvent, UtickAccessGrantedEvent, UtickErrorEvent, type UtickAccessDeniedDetail } from '../../shared/utick/events.js';
import { forgetGrant, grantExpiry, recallGrant, rememberGrant } from './grant-memory.js';
import { STREAM_GATE_MESSAGES, type GrantCode, type StreamGateMessages } from './utick-stream-gate.messages.js';
import { styles } from './utick-stream-gate.styles.js';

export * from '../../shared/utick/events.js';

/** What the gate shows below the details, derived from the stream and the clock. */
export type StreamAvailability = 'open' | 'upcoming' | 'closed' | 'cancelled' | 'no-booking' | 'unavailable';

/** A stream's state for patrons (seed: statuses 10, 11, 20; notes: any other code is unavailable). */
export function streamAvailability(stream: UtickStream, now: number): StreamAvailability {
  switch (stream.status?.id) {
    case 10: {
      const accessEnd = utickInstant(stream.accessendtime);
      if (accessEnd !== undefined && accessEnd <= now) return 'closed';
      const start = utickInstant(stream.starttime);
      return start !== undefined && start > now ? 'upcoming' : 'open';
    }
    case 11:
      return 'no-booking';
    case 20:
      return 'cancelled';
    default:
      return 'unavailable';
  }
}

interface Grant {
  code: UtickControlCode | null;
  expiresAt: number;
}

type Feedback = { kind: 'denied'; text: string } | { kind: 'error'; error: Error };

/**
 * A Utick stream behind its access code. Shows the stream (label, description, dates, venue,
 * show); for a published stream the patron types the code from their confirmation (or the page
 * sets `contact-id`), Utick's control endpoint answers, and on a grant the slotted player is
 * revealed. The grant is remembered in this browser for `access_duration` hours, never past
 * `accessendtime` (only the stream id and the expiry are kept, never the code: grant-memory.ts).
 * Before `starttime` a countdown; after `accessendtime` closed; cancelled and no-booking streams
 * say so and link to `shop_url`. `api-base` is the venue's signing proxy, never Utick itself.
 *
 * @attr api-base - The venue's Utick signing proxy (required), e.g. `https://venue.example/utick`.
 * @attr stream-id - The Utick stream id (required).
 * @attr contact-id - The signed-in patron's Utick contact id, set by the page: checked without a code.
 * @attr time-zone - IANA zone dates are shown in (default `Europe/Brussels`).
 * @attr locale - BCP 47 locale (default: the nearest `lang`, then the browser's).
 *
 * @fires utick-access-granted - Access granted now, or remembered from an earlier visit (`detail.code`, `detail.expiresAt`, `detail.remembered`).
 * @fires utick-access-denied - Utick refused the code or the contact (`detail.code`).
 * @fires utick-error - The stream could not be loaded or the code not checked (`detail.error`).
 *
 * @slot - The player, revealed once access is granted. Without one, a link to the stream's `url`.
 *
 * @csspart details - The stream's label, description, dates, venue and show.
 * @csspart status - The notice for a stream that cannot be watched (cancelled, no booking, closed, unavailable).
 * @csspart countdown - The time left before `starttime`.
 * @csspart free-access - Who watches for free (pack holders, ticket holders: `freeaccess_packs`, `freeaccess_seats`).
 * @csspart form - The access-code form.
 * @csspart input - The access-code field.
 * @csspart submit - The form's button.
 * @csspart feedback - Why a code was refused.
 * @csspart shop - The link to the box office (`shop_url`).
 * @csspart content - The granted area: the message and the slotted player.
 * @csspart error - The failure message (retry button `retry`).
 * @csspart loading - The loading placeholder.
 *
 * @cssprop --av-accent - Accent colour (buttons, focus rings).
 * @cssprop --av-on-accent - Text on the accent colour.
 * @cssprop --av-text - Text colour.
 * @cssprop --av-muted - Secondary text colour.
 * @cssprop --av-surface - Background of the gate.
 * @cssprop --av-border - Border colour.
 * @cssprop --av-danger - Refusals and errors.
 * @cssprop --av-radius - Corner radius.
 * @cssprop --av-gap - Space between blocks.
 * @cssprop --av-font - Font family.
 * @tagname utick-stream-gate
 */
export class UtickStreamGate extends WidgetElement {
  static override styles = styles;

  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, STREAM_GATE_MESSAGES);

  /** The venue's signing proxy; vendor paths are appended (a trailing slash is tolerated). */
  @property({ attribute: 'api-base' }) apiBase = '';
  @property({ attribute: 'stream-id' }) streamId = '';
  /** A Utick contact id the page knows (a signed-in patron): access is checked without a code. */
  @property({ attribute: 'contact-id' }) contactId = '';
  @property({ attribute: 'time-zone' }) timeZone = UTICK_DEFAULT_TIME_ZONE;
  @property() locale = '';
  /** The current time (epoch ms); default `Date.now()`. For tests and previews. */
  @property({ attribute: false }) now?: number;

  @state() private grant?: Grant;
  @state() private checking = false;
  @state() private feedback?: Feedback;
  /** Ticks the clock (see `updated`); read by the countdown only to render again. */
  @state() private tick = 0;

  private ticker?: ReturnType<typeof setInterval>;
  private controlAbort?: AbortController;
  /** The `streamId|contactId` already checked, so a render does not ask twice. */
  private contactChecked = '';

  private readonly stream = new Task<[string, string], UtickStream>(this, {
    task: async ([apiBase, streamId], { signal }) => {
      try {
        if (!apiBase.trim()) throw new ConfigError('api-base is required: the address of the venue’s Utick signing proxy', 'api-base');
        checkAddress(apiBase, 'api-base');
        if (!streamId.trim()) throw new ConfigError('stream-id is required', 'stream-id');
        if (!isValidTimeZone(this.zone)) throw new ConfigError(`time-zone "${this.zone.slice(0, 60)}" is not an IANA time zone`, 'time-zone');
        return await getStream(apiBase, streamId, { signal });
      } catch (cause) {
        if (signal.aborted || isAbortError(cause)) throw cause;
        throw this.reportError(cause, 'utick-error', UtickErrorEvent);
      }
    },
    args: () => [this.apiBase ?? '', this.streamId ?? ''],
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setTicking(false);
    this.controlAbort?.abort();
  }

  protected override updated(): void {
    // A clock only while something on screen depends on it: the countdown, a grant that runs
    // out, or an access end that closes the stream while the page stays open.
    const stream = this.stream.value;
    const now = this.currentTime;
    const changesWithTime =
      (this.grant !== undefined && Number.isFinite(this.grant.expiresAt)) ||
      (stream !== undefined && (utickInstant(stream.starttime) ?? 0) > now) ||
      (stream !== undefined && (utickInstant(stream.accessendtime) ?? 0) > now);
    this.setTicking(this.now === undefined && this.isConnected && changesWithTime);
  }

  private setTicking(on: boolean): void {
    if (on && !this.ticker) this.ticker = setInterval(() => this.tick++, 1000);
    if (!on && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  /** Loads the stream again (what the retry button does). */
  reload(): void {
    void this.stream.run();
  }

  private get currentTime(): number {
    return this.now ?? Date.now();
  }

  private get zone(): string {
    return this.timeZone?.trim() || UTICK_DEFAULT_TIME_ZONE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('streamId')) {
      this.controlAbort?.abort();
      this.feedback = undefined;
      this.contactChecked = '';
      // A remembered grant shows the player in the first render, before the stream has loaded.
      const expiresAt = this.streamId ? recallGrant(this.streamId, this.currentTime) : undefined;
      this.grant = expiresAt === undefined ? undefined : { code: null, expiresAt };
      if (this.grant) this.announceGrant(this.grant, true);
    }
    if (this.grant && this.grant.expiresAt <= this.currentTime) {
      forgetGrant(this.streamId);
      this.grant = undefined;
    }
    const stream = this.stream.value;
    if (stream && this.grant && stream.id === this.streamId && streamAvailability(stream, this.currentTime) !== 'open' && streamAvailability(stream, this.currentTime) !== 'upcoming') {
      // Cancelled or closed since: the remembered grant no longer opens anything.
      forgetGrant(this.streamId);
      this.grant = undefined;
    }
    this.checkContactOnce(stream);
  }

  /** With `contact-id` set, asks Utick once per stream and contact, as soon as the stream is known. */
  private checkContactOnce(stream: UtickStream | undefined): void {
    const key = `${this.streamId}|${this.contactId}`;
    if (!stream || stream.id !== this.streamId || !this.contactId?.trim() || this.grant || this.checking || this.contactChecked === key) return;
    const availability = streamAvailability(stream, this.currentTime);
    if (availability !== 'open' && availability !== 'upcoming') return;
    this.contactChecked = key;
    void this.checkAccess(stream, { contactId: this.contactId }, 'contact-id');
  }

  private async checkAccess(stream: UtickStream, credential: UtickStreamCredential, via: UtickAccessDeniedDetail['via']): Promise<void> {
    this.controlAbort?.abort();
    const abort = (this.controlAbort = new AbortController());
    this.checking = true;
    this.feedback = undefined;
    try {
      const code = await controlStreamAccess(this.apiBase, stream.id, credential, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const m = this.localize.words;
      if (isAccessGranted(code)) {
        const now = this.currentTime;
        // Utick said yes; remember it only as long as the stream allows.
        const expiresAt = grantExpiry(now, stream.access_duration, utickInstant(stream.accessendtime)) ?? now;
        if (expiresAt > now) rememberGrant(stream.id, expiresAt);
        this.grant = { code: code as UtickControlCode, expiresAt: expiresAt > now ? expiresAt : Number.POSITIVE_INFINITY };
        this.announceGrant(this.grant, false);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.granted')?.focus();
      } else {
        const text = code === -1 ? (via === 'contact-id' ? m.deniedContact : m.denied) : m.deniedUnknown(code);
        this.feedback = { kind: 'denied', text };
        this.emit('utick-access-denied', new UtickAccessDeniedEvent({ streamId: stream.id, code, via }));
        if (via === 'access-code') this.selectCode();
      }
    } catch (cause) {
      if (abort.signal.aborted || isAbortError(cause)) return;
      this.feedback = { kind: 'error', error: this.reportError(cause, 'utick-error', UtickErrorEvent) };
      this.selectCode();
    } finally {
      if (this.controlAbort === abort) this.checking = false;
    }
  }

  private announceGrant(grant: Grant, remembered: boolean): void {
    this.emit('utick-access-granted', new UtickAccessGrantedEvent({ streamId: this.streamId, code: grant.code, expiresAt: grant.expiresAt, remembered }));
  }

  private async selectCode(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#code')?.select();
  }

  private onSubmit(event: SubmitEvent, stream: UtickStream): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code')!;
    const accessCode = input.value.trim();
    if (!accessCode) {
      input.focus();
      return;
    }
    void this.checkAccess(stream, { accessCode }, 'access-code');
  }

  override render() {
    const locale = this.localize.locale;
    // The page's language may still be on its way: the placeholder, not a flash of English.
    const m = this.localize.ready;
    if (!m) return renderUtickLoading(this.localize.words.loading);
    const content = this.grant ? this.renderContent(this.grant, this.stream.value, m, locale) : nothing;
    return html`${this.stream.render({
      initial: () => renderUtickLoading(m.loading),
      pending: () => (this.stream.value?.id === this.streamId ? this.renderStream(this.stream.value, m, locale) : renderUtickLoading(m.loading)),
      error: (error) => renderErrorView(asError(error), { locale, vendorName: 'Utick', onRetry: () => this.reload() }),
      complete: (stream) => this.renderStream(stream, m, locale),
    })}${content}`;
  }

  private renderStream(stream: UtickStream, m: StreamGateMessages, locale: string) {
    const now = this.currentTime;
    const availability = streamAvailability(stream, now);
    const when = (iso: string | null) => {
      const at = utickInstant(iso);
      return at === undefined ? undefined : { at, text: formatUtickDateTime(at, this.zone, locale) };
    };
    const start = when(stream.starttime);
    const end = when(stream.endtime);
    const accessEnd = when(stream.accessendtime);
    const venue = stream.venue;
    const dateLine = (label: string, value: { at: number; text: string } | undefined, cls: string) =>
      value ? html`<div class=${cls}><dt>${label}</dt><dd><time datetime=${new Date(value.at).toISOString()}>${value.text}</time></dd></div>` : nothing;
    return html`<section part="details" class="details" data-availability=${availability} data-status=${String(stream.status?.id ?? '')} aria-labelledby="title">
        ${stream.attraction?.label && stream.attraction.label !== stream.label ? html`<p class="eyebrow attraction">${stream.attraction.label}</p>` : nothing}
        <h2 id="title" class="title">${stream.label}</h2>
        <dl class="dates">
          ${start || end || accessEnd
            ? html`${dateLine(m.starts, start, 'start')}${dateLine(m.ends, end, 'end')}${dateLine(m.accessUntil, accessEnd, 'access-end')}`
            : html`<div class="on-demand"><dt class="sr-only">${m.starts}</dt><dd>${m.onDemand}</dd></div>`}
        </dl>
        ${venue?.name ? html`<p class="where"><span class="venue-name">${venue.name}</span>${venue.city ? html`, <span class="venue-city">${venue.city}</span>` : nothing}</p>` : nothing}
        ${stream.description ? html`<div class="description vendor-html">${vendorHtml(stream.description)}</div>` : nothing}
      </section>
      ${this.grant ? nothing : this.renderAccess(stream, availability, m, locale, accessEnd?.text)}`;
  }

  private renderAccess(stream: UtickStream, availability: StreamAvailability, m: StreamGateMessages, locale: string, accessEndText: string | undefined) {
    const shopUrl = safeHttpUrl(stream.shop_url);
    const shop = (text: string, lead?: string) =>
      shopUrl ? html`<p class="shop">${lead ? html`${lead} ` : nothing}<a part="shop" href=${shopUrl} target="_blank" rel="noopener">${text}</a></p>` : nothing;
    switch (availability) {
      case 'cancelled':
        return html`<div part="status" class="status" data-availability="cancelled" role="status"><p>${m.cancelled}</p>${shop(m.boxOffice)}</div>`;
      case 'no-booking':
        return html`<div part="status" class="status" data-availability="no-booking" role="status"><p>${m.noBooking}</p>${shop(m.boxOffice)}</div>`;
      case 'unavailable':
        return html`<div part="status" class="status" data-availability="unavailable" role="status"><p>${m.unavailable}</p></div>`;
      case 'closed':
        return html`<div part="status" class="status" data-availability="closed" role="status"><p>${m.closed(accessEndText ?? '')}</p></div>`;
    }
    // Seed: the owner of a pack, or of a seat ticket, has free access; their code opens the stream.
    const freePacks = stream.freeaccess_packs === true;
    const freeSeats = stream.freeaccess_seats === true;
    const free = freePacks && freeSeats ? m.freeForBoth : freePacks ? m.freeForPackHolders : freeSeats ? m.freeForTicketHolders : '';
    return html`${availability === 'upcoming' ? this.renderCountdown(stream, m) : nothing}
      ${free ? html`<p part="free-access" class="free-access">${free}</p>` : nothing}
      <form part="form" class="form" @submit=${(e: SubmitEvent) => this.onSubmit(e, stream)} novalidate>
        <label for="code" class="label">${m.codeLabel}</label>
        <p id="hint" class="hint">${m.codeHint}</p>
        <div class="row">
          <input
            id="code"
            part="input"
            name="accesscode"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby="hint feedback"
            aria-invalid=${this.feedback ? 'true' : 'false'}
            ?readonly=${this.checking}
          />
          <button part="submit" class="button" type="submit" ?disabled=${this.checking}>${this.checking ? m.checking : m.submit}</button>
        </div>
        <div id="feedback" class="feedback" role="alert">${this.renderFeedback(m, locale)}</div>
      </form>
      ${shop(m.buyAccess, m.noCodeYet)}`;
  }

  private renderFeedback(m: StreamGateMessages, locale: string) {
    const feedback = this.feedback;
    if (!feedback) return nothing;
    if (feedback.kind === 'denied') return html`<p part="feedback" class="denied">${feedback.text}</p>`;
    const error = feedback.error;
    if (error instanceof VendorError && error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
      return html`<p part="feedback" class="denied" data-reason="rate-limited">${m.tooManyAttempts(minutes)}</p>`;
    }
    return renderErrorView(error, { locale, vendorName: 'Utick' });
  }

  private renderCountdown(stream: UtickStream, m: StreamGateMessages) {
    void this.tick;
    const left = Math.max(0, (utickInstant(stream.starttime) ?? 0) - this.currentTime);
    const seconds = Math.floor(left / 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    const clock = `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
    // role="timer" is not announced on every tick; the label says what it counts down to.
    return html`<p part="countdown" class="countdown"><span class="countdown-label">${m.startsIn}</span>
      <span role="timer" class="countdown-value" data-seconds=${seconds}>${m.countdown(Math.floor(seconds / 86_400), clock)}</span></p>`;
  }

  private renderContent(grant: Grant, stream: UtickStream | undefined, m: StreamGateMessages, locale: string) {
    const message = grant.code === null ? m.grantedBefore : m.granted[grant.code as GrantCode] ?? m.granted[1];
    const until = Number.isFinite(grant.expiresAt) ? formatUtickDateTime(grant.expiresAt, this.zone, locale) : undefined;
    const streamUrl = safeHttpUrl(stream?.url);
    return html`<section part="content" class="content" data-code=${String(grant.code ?? '')}>
      <p class="granted" role="status" tabindex="-1">${message}${until ? html` <span class="until">${m.grantedUntil(until)}</span>` : nothing}</p>
      <div class="player">
        <slot>${streamUrl ? html`<a class="button" href=${streamUrl} target="_blank" rel="noopener">${m.openStream}</a>` : nothing}</slot>
      </div>
    </section>`;
  }
}

define('utick-stream-gate', UtickStreamGate);

declare global {
  interface HTMLElementTagNameMap {
    'utick-stream-gate': UtickStreamGate;
  }
}
