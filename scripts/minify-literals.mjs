/**
 * Minifies the static text of Lit's html`…` and css`…` templates in TypeScript source, which
 * JavaScript minifiers leave as written (indentation, comments). Used by `npm run build` and by
 * the benchmarks, so the bytes measured are the bytes shipped.
 *
 * Only whitespace and CSS comments change, in ways that do not change meaning:
 * - html: every run of whitespace holding a line break becomes one space (HTML collapses
 *   whitespace outside <pre>/<textarea>, which our templates do not use);
 * - css: comments go, whitespace runs become one space, and spaces next to `{ } ; , >` and
 *   after a `:` go (a space before `:` stays: `.a :is(…)` differs from `.a:is(…)`).
 * Code, strings, comments and untagged templates outside them are copied untouched.
 */

/** @param {string} source */
export function minifyLitLiterals(source) {
  let out = '';
  let i = 0;
  const n = source.length;

  /** Copies a '…' or "…" string starting at `i`; returns the index after it. */
  const skipString = (start) => {
    const quote = source[start];
    let j = start + 1;
    while (j < n && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };

  /** A regular expression literal starting at `start` (a `/` in operand position). */
  const skipRegex = (start) => {
    let j = start + 1;
    let inClass = false;
    while (j < n) {
      const c = source[j];
      if (c === '\\') j += 2;
      else {
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        else if (c === '\n') return start + 1; // not a regex after all (a division)
        j++;
      }
    }
    return j + 1;
  };

  const operandBefore = (at) => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(source[k])) k--;
    return k < 0 || '(,=:[!&|?{};+-*%<>~^'.includes(source[k]) || /\b(return|typeof|case|in|of)$/.test(source.slice(Math.max(0, k - 6), k + 1));
  };

  /**
   * Reads code from `start` until `stop` (a `}` closing a `${`, or the end), copying it and
   * minifying tagged templates found inside. Returns [text, index after].
   */
  const code = (start, stopAtBrace) => {
    let text = '';
    let j = start;
    let depth = 0;
    while (j < n) {
      const c = source[j];
      if (c === '/' && source[j + 1] === '/') {
        const end = source.indexOf('\n', j);
        const stop = end < 0 ? n : end;
        text += source.slice(j, stop);
        j = stop;
      } else if (c === '/' && source[j + 1] === '*') {
        const end = source.indexOf('*/', j + 2) + 2;
        text += source.slice(j, end);
        j = end;
      } else if (c === '/' && operandBefore(j)) {
        const end = skipRegex(j);
        text += source.slice(j, end);
        j = end;
      } else if (c === "'" || c === '"') {
        const end = skipString(j);
        text += source.slice(j, end);
        j = end;
      } else if (c === '`') {
        const tag = /\b(html|css)\s*$/.exec(text)?.[1];
        const [literal, end] = template(j, tag);
        text += literal;
        j = end;
      } else if (c === '{') {
        depth++;
        text += c;
        j++;
      } else if (c === '}') {
        if (stopAtBrace && depth === 0) return [text, j];
        depth--;
        text += c;
        j++;
      } else {
        text += c;
        j++;
      }
    }
    return [text, j];
  };

  /** A template literal from its opening backtick; static parts minified for `tag`. */
  const template = (start, tag) => {
    let text = '`';
    let j = start + 1;
    let chunk = '';
    const flush = () => {
      text += tag === 'css' ? minifyCss(chunk) : tag === 'html' ? minifyHtml(chunk) : chunk;
      chunk = '';
    };
    while (j < n) {
      const c = source[j];
      if (c === '\\') {
        chunk += source.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        flush();
        return [text + '`', j + 1];
      } else if (c === '$' && source[j + 1] === '{') {
        flush();
        const [inner, end] = code(j + 2, true);
        text += '${' + inner + '}';
        j = end + 1;
      } else {
        chunk += c;
        j++;
      }
    }
    throw new Error('minifyLitLiterals: unterminated template literal');
  };

  [out, i] = code(0, false);
  return i >= n ? out : out + source.slice(i);
}

/** @param {string} text */
function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** @param {string} text */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** The same, as a Vite / Rollup plugin for our own TypeScript sources. */
export function minifyLitLiteralsPlugin() {
  return {
    name: 'minify-lit-literals',
    enforce: 'pre',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifyLitLiterals(code), map: null };
    },
  };
}
