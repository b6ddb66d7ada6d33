/**
 * Styles that come with a lazily loaded part of the scanner (the door log's panel, the camera):
 * they join the element's own when the part first shows, so the element's first load carries
 * none of them.
 */
const sheets = new Map<string, CSSStyleSheet>();

export function adoptLazyStyles(root: Node, name: string, cssText: string): void {
  if (!(root instanceof ShadowRoot) || root.querySelector(`style[data-lazy="${name}"]`)) return;
  try {
    let sheet = sheets.get(name);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      sheets.set(name, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // No constructable style sheets (older browsers): a style element, as Lit itself falls back to.
    const style = document.createElement('style');
    style.dataset.lazy = name;
    style.textContent = cssText;
    root.append(style);
  }
}
