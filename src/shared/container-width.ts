/**
 * Whether an element is narrower than a breakpoint: its own width, not the window's (a widget in
 * a sidebar is narrow on a wide screen). Measured when first asked (before the first render that
 * needs it, so the first layout is already the right one), then followed with a ResizeObserver
 * while connected. Not measured sooner: a measure lays out the whole page, and an element's first
 * requests should not wait for it (the calendar asks for its month before choosing its views).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ContainerWidthController implements ReactiveController {
  /** Narrower than the breakpoint, as measured or as the ResizeObserver reported; unset until first asked while connected. */
  private narrowAsMeasured?: boolean;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** In CSS pixels. */
    private readonly breakpoint: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      // A hidden element (width 0) keeps its last layout. The switch waits for a task: changing
      // the layout inside the observer's own frame is a "ResizeObserver loop" (and a frame
      // callback never comes in a background tab).
      if (width > 0 && width < this.breakpoint !== (this.narrowAsMeasured ?? false)) {
        setTimeout(() => {
          this.narrowAsMeasured = width < this.breakpoint;
          this.host.requestUpdate();
        });
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The element is narrower than the breakpoint (false where it has no width: hidden, or not on a page). */
  get narrow(): boolean {
    if (this.narrowAsMeasured === undefined && this.host.isConnected) {
      // Known before the ResizeObserver's first report: no grid-then-list flash.
      const width = this.host.getBoundingClientRect().width;
      this.narrowAsMeasured = width > 0 && width < this.breakpoint;
    }
    return this.narrowAsMeasured ?? false;
  }
}
