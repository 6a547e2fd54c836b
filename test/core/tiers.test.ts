import { describe, expect, it } from 'vitest';
import { knownTiers } from '../../src/core';
import { humanize, planNameFor } from '../../src/core/tiers';

describe('knownTiers', () => {
  it('is the one list the proxy accepts and the simulator sells', () => {
    expect(knownTiers).toEqual(['starter', 'team', 'business', 'enterprise']);
  });
});

describe('humanize', () => {
  it.each([
    ['team', 'Team'],
    ['past_due', 'Past due'],
    ['pro-plus', 'Pro plus'],
    ['  __  ', ''],
    ['', ''],
    ['constructor', 'Constructor'],
  ])('%j reads as %j', (raw, words) => {
    expect(humanize(raw)).toBe(words);
  });

  it('names every known tier as a plan, and keeps a blank tier as it is', () => {
    expect(knownTiers.map(planNameFor)).toEqual(['Starter', 'Team', 'Business', 'Enterprise']);
    expect(planNameFor('__')).toBe('__');
  });
});
