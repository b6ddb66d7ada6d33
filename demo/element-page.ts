/// <reference types="vite/client" />
/**
 * Element pages: loads the page's element from the source (`<body data-element>`), and after the
 * live example adds "Paste this into your page": the tag as an editor would paste it (the demo's
 * api-base replaced by what their site needs), and where it will talk to.
 */
const elements = import.meta.glob('../src/components/*/index.ts');
const tag = document.body.dataset.element!;
await elements[`../src/components/${tag}/index.ts`]?.();

const element = document.querySelector(tag);
const stage = element?.closest('section');
/**
 * What an editor writes for `api-base` on their own site: AudienceView has a public default; Vista is
 * per tenant; Utick must go through the venue's signing proxy (its key never reaches a browser).
 */
function apiBaseForYourSite(tagName: string): { value?: string; note: string } {
  if (tagName.startsWith('vista-')) return { value: 'https://YOUR-TENANT-digital-api.app.vista.co', note: 'on your site set <code>api-base</code> to your Vista tenant, which must allow your site\'s address.' };
  if (tagName.startsWith('utick-')) return { value: 'https://YOUR-SITE.example/utick', note: 'on your site set <code>api-base</code> to your signing proxy (<code>npx venue-widgets utick-proxy</code>, see the README): Utick\'s keys never go to a browser.' };
  return { note: 'on your site leave <code>api-base</code> out and it talks to the vendor, which must allow your site\'s address.' };
}

if (element && stage) {
  const yours = apiBaseForYourSite(tag);
  const attributes = [...element.attributes]
    .filter((a) => a.name !== 'api-base' && a.value !== '')
    .map((a) => ` ${a.name}="${a.value}"`)
    .join('');
  const apiBase = element.getAttribute('api-base') ?? '';
  const section = document.createElement('section');
  section.setAttribute('aria-labelledby', 'paste-title');
  section.innerHTML = `<h2 id="paste-title">Paste this into your page</h2><pre class="paste"><code></code></pre>
    <p class="note">Here the element talks to the mock backend at <code class="here"></code>; ${yours.note}</p>`;
  const yourApiBase = yours.value ? ` api-base="${yours.value}"` : '';
  section.querySelector('pre code')!.textContent = `<script type="module" src="https://cdn.example/venue-widgets/0.1.0/${tag}.js"></script>\n<${tag}${yourApiBase}${attributes}></${tag}>`;
  section.querySelector('.note code.here')!.textContent = apiBase;
  stage.after(section);
}
