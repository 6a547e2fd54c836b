/** `Intl` formatters in a host's locale, falling back to the runtime's when the tag is invalid. */

/** `make(locale)`, or `make(undefined)` (the runtime's locale) if that throws; a second failure propagates. */
export function inLocale<T>(make: (locale?: string) => T, locale: string | undefined): T {
  try {
    return make(locale);
  } catch {
    return make();
  }
}
