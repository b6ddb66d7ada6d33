/**
 * Hostile vendor strings: the corpus the mock puts into every string field of every vendor answer
 * (see `hostileAnswer` in mock/core.ts). Each payload, if it ever ran, would call `__xss(n)` with
 * its own index, so a failure names the payload that got through. `PROBE` is a canary origin:
 * a payload that makes the browser fetch anything there shows up as a request to a foreign origin.
 */
export const PROBE = 'http://xss-probe.invalid';

const run = (n: number) => `__xss(${n})`;

const templates: Array<(n: number) => string> = [
  // Script tags and their disguises
  (n) => `<script>${run(n)}</script>`,
  (n) => `<SCRIPT SRC=${PROBE}/s${n}.js></SCRIPT>`,
  (n) => `<scr<script>ipt>${run(n)}</scr</script>ipt>`,
  (n) => `"><script>${run(n)}</script>`,
  (n) => `'</script><script>${run(n)}</script>`,
  (n) => `<script type="module">${run(n)}</script>`,
  // Event handlers
  (n) => `<img src=x onerror=${run(n)}>`,
  (n) => `<img src="${PROBE}/i${n}.png" onload="${run(n)}">`,
  (n) => `<body onload=${run(n)}>`,
  (n) => `<div onmouseover="${run(n)}">hover</div>`,
  (n) => `<input autofocus onfocus=${run(n)}>`,
  (n) => `<details open ontoggle=${run(n)}>`,
  (n) => `<video><source onerror="${run(n)}"></video>`,
  (n) => `<audio src=x onerror=${run(n)}>`,
  (n) => `<marquee onstart=${run(n)}>x</marquee>`,
  (n) => `<select autofocus onfocus=${run(n)}>`,
  (n) => `<textarea autofocus onfocus=${run(n)}></textarea>`,
  (n) => `<p onclick="${run(n)}" style="position:fixed;inset:0">click</p>`,
  (n) => `" onmouseover="${run(n)}" x="`,
  (n) => `' onfocus='${run(n)}' autofocus '`,
  // javascript: and data: URLs (the URL fields get these too)
  (n) => `javascript:${run(n)}`,
  (n) => `JaVaScRiPt:${run(n)}`,
  (n) => ` javascript:${run(n)}`,
  (n) => `java\tscript:${run(n)}`,
  (n) => `javascript&colon;${run(n)}`,
  (n) => `&#106;avascript:${run(n)}`,
  (n) => `data:text/html,<script>${run(n)}</script>`,
  (n) => `data:text/html;base64,${btoa(`<script>${run(n)}</script>`)}`,
  (n) => `data:image/svg+xml,<svg onload="${run(n)}"/>`,
  (n) => `vbscript:${run(n)}`,
  (n) => `<a href="javascript:${run(n)}">link</a>`,
  (n) => `<a href="data:text/html,<script>${run(n)}</script>">data</a>`,
  (n) => `<iframe src="javascript:${run(n)}"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.${run(n)}</script>"></iframe>`,
  (n) => `<object data="javascript:${run(n)}"></object>`,
  (n) => `<embed src="javascript:${run(n)}">`,
  (n) => `<form action="javascript:${run(n)}"><button>go</button></form>`,
  (n) => `<button formaction="javascript:${run(n)}">go</button>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${run(n)}">`,
  (n) => `<base href="javascript:${run(n)}//">`,
  // SVG and MathML
  (n) => `<svg onload=${run(n)}>`,
  (n) => `<svg><script>${run(n)}</script></svg>`,
  (n) => `<svg><a xlink:href="javascript:${run(n)}"><text x="0" y="20">x</text></a></svg>`,
  (n) => `<svg><animate onbegin=${run(n)} attributeName=x dur=1s>`,
  (n) => `<svg><foreignObject><img src=x onerror=${run(n)}></foreignObject></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${run(n)}>`,
  // CSS
  (n) => `<div style="background:url(javascript:${run(n)})">css</div>`,
  (n) => `<div style="width: expression(${run(n)})">css</div>`,
  (n) => `<style>@import '${PROBE}/c${n}.css';</style>`,
  (n) => `<link rel="stylesheet" href="${PROBE}/l${n}.css">`,
  (n) => `red;background-image:url(${PROBE}/bg${n}.png)`,
  (n) => `</style><img src=x onerror=${run(n)}>`,
  // Mutation XSS and parser differentials
  (n) => `<noscript><p title="</noscript><img src=x onerror=${run(n)}>">`,
  (n) => `<svg></p><style><a id="</style><img src=1 onerror=${run(n)}>">`,
  (n) => `<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${run(n)} src=1>">`,
  (n) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${run(n)}>`,
  (n) => `<template><img src=x onerror=${run(n)}></template>`,
  (n) => `<!--<img src="--><img src=x onerror=${run(n)}//">`,
  (n) => `<xmp><img src=x onerror=${run(n)}></xmp>`,
  (n) => `<title><img src=x onerror=${run(n)}></title>`,
  (n) => `<img src=x onerror=${run(n)}`,
  // Unicode and encoding tricks
  (n) => `\u202e<img src=x onerror=${run(n)}>\u202c`,
  (n) => `\uFF1Cimg src=x onerror=${run(n)}\uFF1E`,
  (n) => `&lt;img src=x onerror=${run(n)}&gt;`,
  (n) => `\u0000<script>${run(n)}</script>`,
  (n) => `<img src=x one\u0000rror=${run(n)}>`,
  (n) => `%3Cscript%3E${run(n)}%3C/script%3E`,
  (n) => `\\u003cimg src=x onerror=${run(n)}\\u003e`,
  (n) => `{{constructor.constructor('${run(n)}')()}}`,
  (n) => `\${${run(n)}}`,
];

/** The corpus, each payload calling `__xss` with its own index. */
export const XSS_PAYLOADS: readonly string[] = templates.map((template, index) => template(index));
