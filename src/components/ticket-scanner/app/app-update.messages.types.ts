/** The shape of the update prompt's words, apart from its catalog so that the lazy chunk and its loader do not import each other. */
export interface AppUpdateMessages {
  /** The prompt's accessible name. */
  label: string;
  ready: string;
  reload: string;
  later: string;
}
