/**
 * The shape of the error view's words: what its English catalog (error-view.ts) and the lazily
 * loaded others (error-view.messages.i18n.ts) both fill in. Apart from the catalog so that the
 * lazy chunk and its loader do not import each other.
 */
export interface ErrorMessages {
  retry: string;
  offline: string;
  /** A NetworkError while the browser says it is online: most often a CORS allow-list. */
  blocked: (vendor: string) => string;
  timeout: (vendor: string) => string;
  http: (vendor: string, status: number) => string;
  parse: (vendor: string) => string;
  vendor: (vendor: string) => string;
  config: string;
  tryAgainIn: (seconds: number) => string;
}
