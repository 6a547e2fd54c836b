/** The tiers the Saiku API sells, and how any tier or status name reads to a person. */
import type { Tier } from './types';

/** The tiers of the Saiku API, in order: what the proxy accepts and the simulator sells by default. */
export const knownTiers = ['starter', 'team', 'business', 'enterprise'] as const;

/** One of `knownTiers`. */
export type KnownTier = (typeof knownTiers)[number];

/** A raw name as words, first letter capitalised ("past_due" → "Past due", "team" → "Team"); '' when blank. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words === '' ? '' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The display name of a tier: known tiers by name, unknown ones title-cased ("pro_plus" → "Pro plus"). */
export function planNameFor(tier: Tier): string {
  return humanize(tier) || tier;
}
