import type { BillingLabelsInput } from './types';

/**
 * The one rule every component reads its strings by, exported so a host can build its own layer the same
 * way (a locale pack with a few strings of its own). Layers apply in order, each over the ones before it:
 * a string or function it gives replaces the one below; a section (`banner`, `pricingTable`: any value
 * that is an object below) merges entry by entry, so `{ banner: { pastDue } }` keeps the other banner
 * messages; a key that is absent or `undefined` keeps the value below. Components call it with their
 * English defaults, the provider's `labels`, then their own `labels` prop where they have one.
 * @example mergeLabels(germanLabels, { upgrade: 'Jetzt starten', banner: { pastDue: 'Zahlung fehlgeschlagen.' } })
 */
export function mergeLabels<T extends object>(
  defaults: T,
  ...layers: readonly (BillingLabelsInput | undefined)[]
): T {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      const below = merged[key];
      // A section merges entry by entry; its entries are strings and functions, so one level deep.
      merged[key] =
        below && typeof below === 'object' ? mergeLabels(below, value as BillingLabelsInput) : value;
    }
  }
  return merged as T;
}
