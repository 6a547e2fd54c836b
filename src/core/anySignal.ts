/**
 * `AbortSignal.any` where the runtime has it, else the same from an `AbortController`: Safari before
 * 17.4, Chrome before 116, Firefox before 124 and Next.js's edge runtime have no `AbortSignal.any`.
 */

/** A signal that aborts with the reason of the first of `signals` to abort; `release()` when done with it. */
export function anySignal(signals: AbortSignal[]): { signal: AbortSignal; release: () => void } {
  if (typeof AbortSignal.any === 'function') return { signal: AbortSignal.any(signals), release() {} };
  const controller = new AbortController();
  // The inputs (a long-lived caller's signal) must not keep a listener for every request made with them.
  const release = () => signals.forEach((signal) => signal.removeEventListener('abort', abort));
  const abort = () => {
    release();
    controller.abort(signals.find((signal) => signal.aborted)?.reason);
  };
  if (signals.some((signal) => signal.aborted)) abort();
  else signals.forEach((signal) => signal.addEventListener('abort', abort));
  return { signal: controller.signal, release };
}
