/// <reference types="vite/client" />
/**
 * Element pages: loads the page's element from the source (`<body data-element>`), and after the
 * live example adds "Paste this into your page": the tag as an editor would paste it (without the
 * demo's api-base), and where it will talk to.
 */
const elements = import.meta.glob('../src/components/*/index.ts');
const tag = document.body.dataset.element!;
await elements[`../src/components/${tag}/index.ts`]?.();

const element = document.querySelector(tag);
const stage = element?.closest('section');
if (element && stage) {
  const attributes = [...element.attributes].filter((a) => a.name !== 'api-base' && a.value !== '').map((a) => ` ${a.name}="${a.value}"`).join('');
  const apiBase = element.getAttribute('api-base') ?? '';
  const section = document.createElement('section');
  section.setAttribute('aria-labelledby', 'paste-title');
  section.innerHTML = `<h2 id="paste-title">Paste this into your page</h2><pre class="paste"><code></code></pre>
    <p class="note">Here the element talks to the mock backend at <code></code>; on your site leave <code>api-base</code> out
    and it talks to the vendor, which must allow your site's address.</p>`;
  section.querySelector('pre code')!.textContent = `<script type="module" src="https://cdn.example/venue-widgets/0.1.0/${tag}.js"></script>\n<${tag}${attributes}></${tag}>`;
  section.querySelector('.note code')!.textContent = apiBase;
  stage.after(section);
}
