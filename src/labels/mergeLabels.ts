import type { BillingLabelsInput } from './types';

/**
 * The one rule every component reads its strings by: `layer` over `below`. Each key the layer gives
 * replaces the one below, except a section (a key whose value below is an object: `banner`,
 * `pricingTable`, `paywall`), which merges entry by entry, one level deep. A component lays the
 * provider's `labels` over its English defaults, then its own `labels` prop (`<PricingTable>`'s,
 * `<Paywall>`'s) over that. Exported so a
 * host can put a few strings over a locale pack by the same rule.
 * @example mergeLabels(germanLabels, { upgrade: 'Jetzt starten', banner: { pastDue: 'Zahlung fehlgeschlagen.' } })
 */
export function mergeLabels<T extends object>(below: T, layer: BillingLabelsInput | undefined): T {
  const merged = { ...below, ...layer } as Record<string, unknown>;
  for (const key in below) {
    const section = below[key];
    if (typeof section === 'object') {
      merged[key] = { ...section, ...(layer?.[key as keyof BillingLabelsInput] as object | undefined) };
    }
  }
  return merged as T;
}
