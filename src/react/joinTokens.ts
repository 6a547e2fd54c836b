/** Joins class names or id references, skipping empty ones; undefined when none are left. */
export function joinTokens(...tokens: (string | false | null | undefined)[]): string | undefined {
  return tokens.filter(Boolean).join(' ') || undefined;
}
