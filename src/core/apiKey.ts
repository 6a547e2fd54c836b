/**
 * The one normalisation of a Saiku API key, wherever it comes from (a string option, the proxy's
 * resolver): `fetch`'s `Headers` trims a header value, so Saiku receives the trimmed key, and the
 * trimmed key is therefore what is sent and what must be scrubbed from anything said back.
 */

/** Whitespace or a control character inside a key: no real key has one, and `Headers` would refuse some. */
const innerBlank = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The key as it is sent: trimmed. `null` when it is empty once trimmed (an unset environment
 * variable); a `TypeError` when it still holds whitespace or a control character inside. The
 * message never quotes the key.
 */
export function checkApiKey(key: string, owner: string): string | null {
  const trimmed = key.trim();
  if (trimmed === '') return null;
  if (innerBlank.test(trimmed)) {
    throw new TypeError(
      `${owner}: the API key contains whitespace or a control character inside it; ` +
        'check the secret it was read from (a line break or a space pasted into it).',
    );
  }
  return trimmed;
}
