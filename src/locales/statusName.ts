/** A pack's status badge: a name for every phase, Stripe's newer statuses by name, anything else humanised. */
import type { BillingDescription, BillingPhase } from '../core';
import { humanize } from '../core/tiers';

export interface StatusNames {
  /** One name for each phase this library knows; the compiler asks for all of them. */
  phases: Record<Exclude<BillingPhase, 'unknown'>, string>;
  /** Stripe statuses that describe as `unknown` (`paused`, `incomplete`, …), by their raw name. */
  others: Readonly<Record<string, string>>;
  /** For a status with nothing to show once humanised. */
  unknown: string;
}

// Called inside each pack's `status`, never at module level, so a bundler can drop an unused pack.
export function statusName(
  description: BillingDescription,
  { phases, others, unknown }: StatusNames,
): string {
  if (description.phase !== 'unknown') return phases[description.phase];
  // Own keys only: a status named "constructor" must not read Object.prototype.
  if (Object.hasOwn(others, description.status)) return others[description.status] ?? unknown;
  return humanize(description.status) || unknown;
}
