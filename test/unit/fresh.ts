/**
 * A fresh instance of a module with state (a loaded sanitizer, sessions in memory): Stryker reuses
 * one process for many mutants, so a test that needs "nothing loaded yet" imports its own copy.
 */
let instance = 0;

export function fresh<T>(url: URL): Promise<T> {
  return import(`${url.href}?fresh=${++instance}`) as Promise<T>;
}
