/**
 * A page object for `<vista-member-login>` (as material-web ships `harness.ts` beside each
 * element): what a member sees and does, without the shadow-DOM plumbing. For tests; not part of
 * the element's bundle.
 *
 *   const login = new VistaMemberLoginHarness(el);
 *   await login.started();
 *   await login.signIn({ login: 'emma.janssens@example.com', password: 'Popcorn-2027' });
 *   expect(login.title).to.equal('Signed in as Emma Janssens');
 */
import { waitUntil } from '@open-wc/testing';
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { VistaMemberLogin } from './vista-member-login.js';

export interface MemberLogin {
  /** Email or username. */
  login: string;
  password: string;
}

/** An element's text as a person reads it: whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export class VistaMemberLoginHarness extends ElementHarness<VistaMemberLogin> {
  text(selector: string): string {
    return textOf(this.$(selector));
  }

  /** A field by its id: `login`, `password`, `card`, `phone`, `pin`, `given-name`… */
  input(id: string): HTMLInputElement {
    return this.$<HTMLInputElement>(`#${id}`)!;
  }

  get submitButton(): HTMLButtonElement {
    return this.$<HTMLButtonElement>('form[part="form"] button[type="submit"]')!;
  }

  /** The sign-in form is on screen. */
  get showsForm(): boolean {
    return this.has('form[part="form"]');
  }

  /** The signed-in member is on screen. */
  get showsMember(): boolean {
    return this.has('[part="member"]');
  }

  /** The heading of the member panel: "Signed in as …". */
  get title(): string {
    return this.text('#member-title');
  }

  /** The `name` of the error shown in `part="error"` (ConfigError, ParseError…), if any. */
  get errorName(): string | undefined {
    return this.$('[part="error"]')?.getAttribute('data-error-name') ?? undefined;
  }

  /** The error summary's lines, as linked or written. */
  get summary(): string[] {
    return [...this.root.querySelectorAll('[part="error-summary"] li')].map((li) => textOf(li));
  }

  /** The form's fields are disabled (signing in, or locked out). */
  get formDisabled(): boolean {
    return this.$<HTMLFieldSetElement>('form[part="form"] fieldset')?.disabled ?? false;
  }

  /** What the polite live region says (the lock-out's time left, its end). */
  get announcement(): string {
    return this.text('[role="status"][aria-live="polite"]');
  }

  /** The element focused, inside shadow roots too. */
  get focused(): Element | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** Waits for the first screen: the form, the member, or an error. */
  started(): Promise<void> {
    return this.until(() => this.showsForm || this.showsMember || this.has('[part="error"]'), 'the element did not start');
  }

  async until(condition: () => unknown, message: string, timeout = 5000): Promise<void> {
    await waitUntil(condition, message, { timeout });
    await lateContentSettled();
    await this.el.updateComplete;
  }

  /** Sends the form as it is. */
  submit(): void {
    this.submitButton.click();
  }

  /** Types the login and password and sends them; resolves once the attempt is over. */
  async signIn(who: MemberLogin, options: { remember?: boolean } = {}): Promise<void> {
    this.input('login').value = who.login;
    this.input('password').value = who.password;
    if (options.remember) this.$<HTMLInputElement>('[name="remember"]')!.checked = true;
    this.submit();
    await this.el.updateComplete;
    // The button says "Signing in…" while the request is out.
    await this.until(() => this.showsMember || !textOf(this.submitButton).endsWith('…'), 'sign-in did not finish');
  }

  /** Workstation mode: how the member is identified. */
  async identifyBy(by: 'card' | 'phone' | 'login'): Promise<void> {
    this.$<HTMLInputElement>(`input[name="identify"][value="${by}"]`)!.click();
    await this.el.updateComplete;
  }

  /** Presses sign-out; resolves once the form is back. */
  async signOut(): Promise<void> {
    this.$<HTMLButtonElement>('[part="sign-out"]')!.click();
    await this.until(() => this.showsForm, 'not signed out');
  }

  /** Opens the member's details, types the changes and saves them; resolves once saved. */
  async editDetails(changes: { 'given-name'?: string; 'family-name'?: string; email?: string }): Promise<void> {
    this.$<HTMLButtonElement>('[part="edit"]')!.click();
    await this.el.updateComplete;
    for (const [id, value] of Object.entries(changes)) this.input(id).value = value;
    this.$<HTMLButtonElement>('[part="details"] button[type="submit"]')!.click();
    await this.until(() => this.has('.saved'), 'details not saved');
  }
}
