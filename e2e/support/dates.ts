/** A date as the library prints it (src/core/describeBilling.ts formatDate, locale en-US), computed independently. */
export function formatLikeLibrary(date: Date | string): string {
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(date));
}

export const DAY_MS = 86_400_000;
