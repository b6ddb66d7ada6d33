/**
 * The base of every element event: bubbles and crosses shadow roots (the contract), carries a
 * typed `detail`. Each element declares one subclass per event.
 */
export class WidgetEvent<Detail> extends Event {
  constructor(
    type: string,
    readonly detail: Detail,
    init: { cancelable?: boolean } = {},
  ) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}

/** `detail` of every `<prefix>-error` event. */
export interface WidgetErrorDetail {
  error: Error;
}
