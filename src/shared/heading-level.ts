/**
 * The heading level for titles an element renders: one below the heading that comes before the
 * element on the page (through shadow roots), 2 when none does. A venue places an element under
 * its own headings (an h1 alone, or an h2 section), and a fixed level would skip one in one
 * place or the other; screen-reader users navigate by that outline, and axe checks it.
 */
export function headingLevelBelow(element: Element): number {
  let host = element;
  for (;;) {
    const root = host.getRootNode() as Document | ShadowRoot;
    const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"][aria-level]');
    for (let i = headings.length - 1; i >= 0; i--) {
      const heading = headings[i]!;
      const position = host.compareDocumentPosition(heading);
      // Before the element, and not an ancestor of it (a heading does not hold an element).
      if (position & Node.DOCUMENT_POSITION_PRECEDING && !(position & Node.DOCUMENT_POSITION_CONTAINS)) {
        const level = Number(heading.getAttribute('aria-level') ?? heading.tagName.slice(1)) || 1;
        return Math.min(Math.max(level + 1, 2), 6);
      }
    }
    if (!(root instanceof ShadowRoot)) return 2;
    host = root.host;
  }
}
