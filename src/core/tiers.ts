/** The tiers the Saiku API sells, and how any tier or status name reads to a person. */

/** The tiers of the Saiku API, in order: what the proxy accepts and the simulator sells by default. */
export const knownTiers = ['starter', 'team', 'business', 'enterprise'] as const;

/** One of `knownTiers`. */
export type KnownTier = (typeof knownTiers)[number];

/** A raw name as words, first letter capitalised ("past_due" → "Past due", "team" → "Team"); '' when blank. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words === '' ? '' : words.charAt(0).toUpperCase() + words.slice(1);
}
