/**
 * The one base every element stands on (as Shoelace's elements stand on `ShoelaceElement`):
 * `define()` that tolerates a second load, a typed `emit()`, one error path, words in the page's
 * language, focus moved after a render, and renders that take turns on the main thread. Concerns
 * with a lifecycle of their own stay controllers (`LocalizeController`, `FocusAfterRender`), so an
 * element that needs only one can hold it without the base.
 */
import { LitElement, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { asError } from '../api/errors.js';
import type { WidgetErrorDetail } from './events.js';
import { LateContentController } from './late-content.js';
import { messagesIfReady, resolveLocale, type Catalog } from './locale.js';
import { renderFits, renderStarts, renderTurn } from './render-slices.js';

/**
 * Defines a tag unless the page already has it: a page that loads an element twice (two bundles,
 * two versions of the package, a CMS that repeats a script) keeps the first and does not throw.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

/** An element whose words come from a catalog and follow its `locale` attribute (else the nearest `lang`). */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
}

/**
 * An element's words: the page's language once its chunk is here, English meanwhile. Renders the
 * host again when a late language (or the sanitizer) arrives.
 */
export class LocalizeController<M> implements ReactiveController {
  constructor(
    private readonly host: LocalizedHost,
    private readonly catalog: Catalog<M>,
  ) {
    host.addController(this);
    new LateContentController(host);
  }

  /** The BCP 47 locale the element writes in (dates, numbers, words). */
  get locale(): string {
    return resolveLocale(this.host, this.host.locale);
  }

  /** The words, or `undefined` while the page's language is on its way (render a skeleton then). */
  get ready(): M | undefined {
    return messagesIfReady(this.catalog, this.locale);
  }

  /** The words: English until the page's language has arrived. */
  get words(): M {
    return this.ready ?? this.catalog.en;
  }

  hostConnected(): void {}
}

/**
 * Moves focus to an element of the host's shadow root once it is rendered (after a step changes
 * what is on screen: a form replaced by a result, an error shown). Waits across renders until the
 * target exists.
 */
export class FocusAfterRender implements ReactiveController {
  private selector?: string;

  constructor(private readonly host: ReactiveControllerHost & LitElement) {
    host.addController(this);
  }

  /** Focus the first match of `selector` after the next render that has one. */
  request(selector: string): void {
    this.selector = selector;
    this.host.requestUpdate();
  }

  /** Forget a request not yet met (the patron moved on some other way). */
  cancel(): void {
    this.selector = undefined;
  }

  hostUpdated(): void {
    if (!this.selector) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.selector);
    if (!target) return;
    this.selector = undefined;
    target.focus();
  }
}

/** One key for "the element's configuration changed": attribute values joined by a character no attribute holds. */
export function configKey(...parts: readonly unknown[]): string {
  return parts.map((part) => String(part ?? '')).join('\u0000');
}

export abstract class WidgetElement extends LitElement {
  /** What `updateComplete` also waits for, once the render is done (`settleWith`). */
  private readonly settlers: Array<(updated: () => Promise<boolean>) => Promise<void>> = [];

  /**
   * Makes `updateComplete` also wait for `settle` (a controller whose render goes on over several
   * tasks, like a batched list's last batch): whoever awaits an update (a test, a focus move) then
   * sees it whole. `settle` gets a way to wait for the renders it brings.
   */
  settleWith(settle: (updated: () => Promise<boolean>) => Promise<void>): void {
    this.settlers.push(settle);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    // Without settlers, Lit's own promise, not one more microtask.
    return this.settlers.length === 0 ? super.getUpdateComplete() : this.settledUpdate();
  }

  private async settledUpdate(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    for (const settle of this.settlers) await settle(() => super.getUpdateComplete());
    return done;
  }

  /**
   * Every render after the first waits its turn (render-slices.ts): one element's answer is not
   * rendered in the same long task as another's. The first render, the skeleton, never waits.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated || renderFits(this)) return super.scheduleUpdate();
    return renderTurn(this).then(() => super.scheduleUpdate());
  }

  protected override performUpdate(): void {
    if (this.isUpdatePending) renderStarts(this);
    super.performUpdate();
  }

  /**
   * Dispatches one of the element's own events, typed by its entry in `HTMLElementEventMap` (one
   * class per event): `this.emit('vista-member-login', new VistaMemberLoginEvent(detail))`.
   * Returns false when a listener cancelled it.
   */
  protected emit<K extends keyof HTMLElementEventMap>(type: K, event: HTMLElementEventMap[K]): boolean {
    if (event.type !== type) throw new TypeError(`emit('${type}'): a '${event.type}' event`);
    return this.dispatchEvent(event);
  }

  /**
   * The one error path: whatever was thrown becomes an `Error` and goes out as the element's
   * `<prefix>-error` event (its class given: `this.reportError(cause, 'av-error', AvErrorEvent)`),
   * so a page can log it; returns the error for the view to show.
   */
  protected reportError<K extends keyof HTMLElementEventMap>(thrown: unknown, type: K, ErrorEvent: new (detail: WidgetErrorDetail) => HTMLElementEventMap[K]): Error {
    const error = asError(thrown);
    this.emit(type, new ErrorEvent({ error }));
    return error;
  }
}
