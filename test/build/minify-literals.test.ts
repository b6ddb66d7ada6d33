import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyLitLiterals } from '../../scripts/minify-literals.mjs';
import { calendarStyles } from '../../src/components/av-calendar/av-calendar.styles.js';
import { cardListStyles } from '../../src/shared/audienceview/cards.styles.js';
import { avThemeStyles } from '../../src/shared/audienceview/theme.styles.js';
import { errorViewStyles } from '../../src/shared/error-view.js';

/**
 * The rules a browser reads from a style sheet's text. Custom property values are kept as
 * written, so the space after a comma in `var(--a, #fff)` is compared away: it is not a token.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

/** The text inside the one template literal of `source`. */
const inner = (source: string) => source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'));

describe('minifying Lit template literals for the build', () => {
  it('leaves every shipped style sheet meaning the same to the browser, and smaller', () => {
    const sheets: CSSResult[] = [avThemeStyles, errorViewStyles, calendarStyles, ...(cardListStyles as CSSResult[])];
    for (const sheet of sheets) {
      const minified = inner(minifyLitLiterals(`export const s = css\`${sheet.cssText}\`;`));
      expect(rules(minified)).to.deep.equal(rules(sheet.cssText));
      expect(minified.length).to.be.lessThan(sheet.cssText.length * 0.85);
    }
  });

  it('keeps a space before a colon (a descendant :is() is not the same selector)', () => {
    const minified = inner(minifyLitLiterals('css`.perf :is(.a, .b):empty {\n  display: none;\n}`'));
    expect(minified).to.equal('.perf :is(.a,.b):empty{display:none}');
  });

  it('collapses template whitespace without joining words, and minifies templates nested in expressions', () => {
    const source = 'const t = html`<p>\n    ${a ? html`<b>\n      bold\n    </b>` : nothing}\n    <span>one</span> <span>two</span>\n  </p>`;';
    expect(minifyLitLiterals(source)).to.equal('const t = html`<p> ${a ? html`<b> bold </b>` : nothing} <span>one</span> <span>two</span> </p>`;');
  });

  it('leaves code, strings, regular expressions, comments and untagged templates as they are', () => {
    const source = [
      "const quote = 'html`  not a template  `';",
      'const re = /[`]\\s+/g; // html`  also not  `',
      '/* css`  nor  this  ` */',
      'const plain = `keep\n   my   spacing ${"`"}`;',
      'const half = total / 2 / count;',
    ].join('\n');
    expect(minifyLitLiterals(source)).to.equal(source);
  });
});
