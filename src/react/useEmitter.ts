'use client';
import { useCallback, useEffect, useRef } from 'react';
import type { BillingEvent, EmitBillingEvent } from './BillingEvent';

/** A stable `emit` that calls the latest `onEvent`, and catches (and, in development, logs) what it throws. */
export function useEmitter(onEvent: ((event: BillingEvent) => void) | undefined): EmitBillingEvent {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  }, [onEvent]);
  return useCallback((event) => {
    try {
      latest.current?.(event);
    } catch (error) {
      if (process.env.NODE_ENV !== 'production')
        console.error(`[@saiku/billing-react] onEvent threw on ${event.type}:`, error);
    }
  }, []);
}
