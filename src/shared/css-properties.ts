/**
 * Custom properties on an element, set through the CSSOM (`style.setProperty`), never as a `style`
 * attribute: a strict CSP (`style-src` without 'unsafe-inline') refuses the attribute, and Lit's
 * `styleMap` writes one on the first render. `<li ${cssProperties({ '--_bg': colour })}>`
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssPropertiesDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperties() belongs on an element, as <li ${cssProperties({...})}>');
  }

  render(_properties: Record<string, string>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
