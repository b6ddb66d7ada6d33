/**
 * Whether an element is narrower than a breakpoint: its own width, not the window's (a widget in
 * a sidebar is narrow on a wide screen). Measured once before the first render, so the first
 * layout is already the right one, then followed with a ResizeObserver while connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ContainerWidthController implements ReactiveController {
  /** The element is narrower than the breakpoint (false until it has been measured). */
  narrow = false;
  private measured = false;
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
      if (width > 0 && width < this.breakpoint !== this.narrow) {
        setTimeout(() => {
          this.narrow = width < this.breakpoint;
          this.host.requestUpdate();
        });
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    if (this.measured || !this.host.isConnected) return;
    // The first layout is known before the ResizeObserver's first report: no grid-then-list flash.
    const width = this.host.getBoundingClientRect().width;
    if (width > 0) this.narrow = width < this.breakpoint;
    this.measured = true;
  }
}
