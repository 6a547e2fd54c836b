'use client';
import { useEffect, useRef } from 'react';
import type { EmitBillingEvent } from './BillingEvent';
import { clearReturnMarkers } from './checkoutReturn';

/** Back on the cancel URL: emit `checkout_canceled` once and drop the marker without a history entry. */
export function useCheckoutCanceled(canceled: boolean, emit: EmitBillingEvent): void {
  const reported = useRef(false);
  useEffect(() => {
    if (!canceled || reported.current) return;
    reported.current = true;
    emit({ type: 'checkout_canceled' });
    clearReturnMarkers();
  }, [canceled, emit]);
}
