// Single-file components, for tsc (their own checkers are vue-tsc and svelte-check).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ apiBase: string }>;
  export default component;
}
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<{ apiBase: string }>;
  export default component;
}
