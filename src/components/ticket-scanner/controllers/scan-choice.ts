/**
 * What the door is scanning for: client → production → performance, as AudienceView's scanning
 * app offers it (seed: "Filtering Options for Clients and Shows"). A step fixed by an attribute is
 * not asked; a step with one option is chosen by itself; the last choice is remembered across
 * reloads as ids only (nothing personal), per api-base.
 */
import type { FilterOptionsClient, FilterOptionsPerformance, FilterOptionsProduction } from '../../../api/audienceview/types.js';
import type { ScanFilter } from '../offline/scanner-db.js';

/** A choice in progress: `undefined` is not chosen yet, `null` is "all" (the API's absent filter). */
export interface Choice {
  clientId?: number;
  productionId?: number | null;
  performanceId?: number | null;
}

const STORAGE_KEY = 'ticket-scanner:choice:';

/** The last filter chosen against this api-base (ids only), or undefined. */
export function rememberedFilter(apiBase: string): ScanFilter | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY + apiBase) ?? 'null') as Partial<ScanFilter> | null;
    if (!value || !isId(value.clientId)) return undefined;
    return { clientId: value.clientId, productionId: isId(value.productionId) ? value.productionId : null, performanceId: isId(value.performanceId) ? value.performanceId : null };
  } catch {
    return undefined; // storage blocked (a strict privacy mode) or a foreign value: ask again
  }
}

export function rememberFilter(apiBase: string, filter: ScanFilter): void {
  try {
    localStorage.setItem(STORAGE_KEY + apiBase, JSON.stringify({ clientId: filter.clientId, productionId: filter.productionId, performanceId: filter.performanceId }));
  } catch {
    // storage blocked: the choice is asked again after a reload
  }
}

export function sameFilter(a: ScanFilter | undefined, b: ScanFilter | undefined): boolean {
  return !!a && !!b && a.clientId === b.clientId && a.productionId === b.productionId && a.performanceId === b.performanceId;
}

/** The filter a choice makes, once every step is decided. */
export function completeFilter(choice: Choice): ScanFilter | undefined {
  if (choice.clientId === undefined || choice.productionId === undefined || choice.performanceId === undefined) return undefined;
  return { clientId: choice.clientId, productionId: choice.productionId, performanceId: choice.performanceId };
}

export function productionsOf(options: readonly FilterOptionsClient[] | undefined, clientId: number | undefined): FilterOptionsProduction[] {
  return options?.find((c) => c.id === clientId)?.productions ?? [];
}

export function performancesOf(options: readonly FilterOptionsClient[] | undefined, choice: Choice): FilterOptionsPerformance[] {
  const productions = productionsOf(options, choice.clientId);
  const chosen = choice.productionId === null || choice.productionId === undefined ? productions : productions.filter((p) => p.productionId === choice.productionId);
  return chosen.flatMap((p) => p.performances ?? []).sort((a, b) => a.performanceStart - b.performanceStart);
}

/**
 * The choice to start from. Attributes win; then the remembered filter, when the options (if
 * known: offline they are not) still offer it; then any step with a single option.
 */
export function initialChoice(options: readonly FilterOptionsClient[] | undefined, fixed: Choice, remembered: ScanFilter | undefined): Choice {
  const offered = (list: readonly number[], id: number | null | undefined) => id === null || (id !== undefined && (!options || list.includes(id)));
  const clientIds = options?.map((c) => c.id) ?? [];
  let memory = remembered;
  if (memory && fixed.clientId !== undefined && memory.clientId !== fixed.clientId) memory = undefined;
  if (memory && !offered(clientIds, memory.clientId)) memory = undefined;

  const clientId = fixed.clientId ?? memory?.clientId ?? (clientIds.length === 1 ? clientIds[0] : undefined);
  const productions = productionsOf(options, clientId);
  const productionIds = productions.map((p) => p.productionId);
  if (memory && (memory.clientId !== clientId || !offered(productionIds, memory.productionId))) memory = undefined;
  if (memory && fixed.productionId !== undefined && memory.productionId !== fixed.productionId) memory = undefined;

  let productionId = fixed.productionId;
  if (productionId === undefined && fixed.performanceId !== undefined && fixed.performanceId !== null) {
    // A fixed performance decides its production (or all, when the options do not list it).
    productionId = productions.find((p) => p.performances?.some((perf) => perf.performanceId === fixed.performanceId))?.productionId ?? null;
  }
  if (productionId === undefined) productionId = memory ? memory.productionId : productionIds.length === 1 ? productionIds[0] : undefined;

  let performanceId = fixed.performanceId;
  if (performanceId === undefined && productionId !== undefined) {
    const performanceIds = performancesOf(options, { clientId, productionId }).map((p) => p.performanceId);
    if (memory && memory.productionId === productionId && offered(performanceIds, memory.performanceId)) performanceId = memory.performanceId;
    else if (productionId === null) performanceId = null; // all productions: every performance in the scan window
    else if (performanceIds.length === 1) performanceId = performanceIds[0];
  }
  return { clientId, productionId, performanceId };
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
