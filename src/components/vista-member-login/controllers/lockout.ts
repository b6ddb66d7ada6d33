/**
 * Vista's lock-out after too many attempts: the form stays disabled until the lock ends (and not a
 * second less), a countdown ticks every second, and the time left is spoken politely only every
 * ANNOUNCE_EVERY_S. The timer stops when the element leaves the page and goes on when it comes back.
 */
import type { ReactiveController } from 'lit';
import { lateWords } from '../vista-member-login.messages.late.js';
import type { LoginContext } from './login-host.js';

/** Announce the lock-out's time left every this many seconds (polite), never every second. */
const ANNOUNCE_EVERY_S = 15;

export class LockoutController implements ReactiveController {
  /** Epoch ms when the lock ends; none: not locked. */
  until?: number;
  now = Date.now();
  /** What the polite live region says. */
  announcement = '';
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly ctx: LoginContext,
    /** The field to focus when the lock ends. */
    private readonly fieldToRetry: () => string,
  ) {
    ctx.host.addController(this);
  }

  get locked(): boolean {
    return this.until !== undefined && this.until > this.now;
  }

  get secondsLeft(): number {
    return ((this.until ?? this.now) - this.now) / 1000;
  }

  lockFor(seconds: number): void {
    this.now = Date.now();
    this.until = this.now + seconds * 1000;
    this.announcement = lateWords(this.ctx.words()).lockedAnnouncement(seconds);
    this.ctx.focus('[part="error-summary"]');
    this.hostConnected();
  }

  /** Ticks the visible countdown every second; speaks the time left only every ANNOUNCE_EVERY_S. */
  hostConnected(): void {
    if (this.until === undefined) return;
    clearInterval(this.timer);
    let lastAnnounced = Math.ceil((this.until - Date.now()) / 1000);
    this.timer = setInterval(() => {
      this.now = Date.now();
      const left = Math.ceil(this.secondsLeft);
      if (left <= 0) {
        this.hostDisconnected();
        this.until = undefined;
        this.announcement = lateWords(this.ctx.words()).unlocked;
        this.ctx.focus(this.fieldToRetry());
      } else if (lastAnnounced - left >= ANNOUNCE_EVERY_S) {
        lastAnnounced = left;
        this.announcement = lateWords(this.ctx.words()).lockedAnnouncement(left);
      }
      this.ctx.host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
