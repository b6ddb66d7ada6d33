/// <reference types="vite/client" />
/**
 * Element pages: loads the page's element from the source (`<body data-element>`), and shows the
 * tag as an editor would paste it (without the demo's api-base).
 */
const elements = import.meta.glob('../src/components/*/index.ts');
const tag = document.body.dataset.element!;
await elements[`../src/components/${tag}/index.ts`]?.();

for (const target of document.querySelectorAll<HTMLElement>('[data-paste-for]')) {
  const element = document.querySelector(tag);
  if (!element) continue;
  const attributes = [...element.attributes].filter((a) => a.name !== 'api-base').map((a) => ` ${a.name}="${a.value}"`).join('');
  target.textContent = `<script type="module" src="https://cdn.example/venue-widgets/0.1.0/${tag}.js"></script>\n<${tag}${attributes}></${tag}>`;
}
