/**
 * A page object for `<ticket-scanner>` (as material-web ships `harness.ts` beside each element):
 * what a person at the door sees and does, without the shadow-DOM plumbing. For tests; not part
 * of the element's bundle.
 *
 *   const door = new TicketScannerHarness(el);
 *   await door.signIn({ username, password });
 *   const verdict = await door.scanAndWait('ABC123');
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { TicketScanner } from './ticket-scanner.js';

export interface StaffLogin {
  username: string;
  password: string;
}

/** An element's text as a person reads it: whitespace collapsed. */
export const textOf = (node: Node | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export class TicketScannerHarness extends ElementHarness<TicketScanner> {
  get element(): TicketScanner {
    return this.el;
  }

  text(selector: string): string {
    return textOf(this.$(selector));
  }

  /** `sign-in`, `password-expired`, `choosing`, `scanning`; `error` for a configuration error, `starting` before. */
  get phase(): string {
    return this.$('.scanner')?.getAttribute('data-phase') ?? (this.has('[part="error"]') ? 'error' : 'starting');
  }

  /** Scans waiting to be sent, as the status line says. */
  get waitingCount(): number {
    return Number(this.$('[part="sync-status"]')!.dataset.pending);
  }

  /** `online` or `offline`, as the status line shows. */
  get connection(): string | undefined {
    return this.$('[part="sync-status"]')!.dataset.connection;
  }

  /** The verdict on screen, if it is for this barcode: valid, invalid, duplicate or unknown. */
  verdictFor(barcode: string): string | undefined {
    const verdict = this.$('[part="verdict"]');
    return verdict && verdict.querySelector('code')?.textContent === barcode ? verdict.dataset.verdict : undefined;
  }

  /** Waits for the first screen after starting (sign-in, the choice, scanning, or an error). */
  async settled(): Promise<void> {
    await this.element.updateComplete;
    await waitUntil(() => this.phase !== 'starting', 'the scanner did not start', { timeout: 5000 });
    await lateContentSettled();
    await this.element.updateComplete;
  }

  async until(condition: () => unknown, message: string, timeout = 5000): Promise<void> {
    await waitUntil(condition, message, { timeout });
    await lateContentSettled();
    await this.element.updateComplete;
  }

  /** Types the login into the form and sends it; resolves once the sign-in is over and the choices loaded. */
  async signIn(who: StaffLogin): Promise<void> {
    this.fillSignIn(who);
    await this.element.updateComplete;
    await this.until(() => this.phase !== 'sign-in' || !this.$<HTMLButtonElement>('.sign-in button[type="submit"]')!.disabled, 'sign-in did not finish');
    await this.until(() => !this.$('.choose [role="status"]'), 'the choices did not load');
  }

  fillSignIn(who: StaffLogin): void {
    this.$<HTMLInputElement>('#username')!.value = who.username;
    this.$<HTMLInputElement>('#password')!.value = who.password;
    this.$<HTMLButtonElement>('.sign-in button[type="submit"]')!.click();
  }

  /** Scans a code (as `scan()` does) and returns the verdict it put on screen. */
  async scanAndWait(barcode: string): Promise<HTMLElement> {
    const before = this.$('[part="verdict"]')?.querySelector('time')?.getAttribute('datetime');
    await this.element.scan(barcode);
    await this.element.updateComplete;
    await lateContentSettled();
    await this.element.updateComplete;
    const verdict = this.$('[part="verdict"]');
    expect(verdict !== null, `a verdict for ${barcode}`).to.equal(true);
    expect(verdict!.querySelector('time')?.getAttribute('datetime') !== before || before === undefined).to.equal(true);
    return verdict!;
  }

  /** Waits for the downloaded tickets to be listed. */
  cacheReady(): Promise<void> {
    // "Cache from 7:02 PM, 1,204 tickets", in whichever language the page speaks.
    return this.until(() => this.has('[part="cache"] .cache-info'), 'the tickets were not downloaded');
  }

  /** Opens the door log as staff do (its summary); resolves once its panel, fetched on first opening, shows. */
  async openDoorLog(): Promise<void> {
    this.$<HTMLElement>('[part="door-log"] summary')!.click();
    await this.until(() => this.has('[part="door-log"] .door-log-export'), 'the door log did not open');
  }

  get cameraButton(): HTMLButtonElement {
    return this.$<HTMLButtonElement>('[part="camera"] .camera-toggle')!;
  }

  /** Opens the camera; resolves once it shows (or says why it cannot). */
  async openCamera(timeout = 8000): Promise<void> {
    this.cameraButton.click();
    await this.until(() => this.$('[part="viewfinder"]')?.getAttribute('data-state') === 'open' || this.$('.camera-problem'), 'the camera did not open', timeout);
  }
}
