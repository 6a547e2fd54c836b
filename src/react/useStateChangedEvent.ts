'use client';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EmitBillingEvent } from './BillingEvent';
import { stateDiffers } from './stateDiffers';
import { subscribeToState } from './subscribeToState';

/** Emits `state_changed` once per new state that differs from the one before (never for the first). */
export function useStateChangedEvent(queryClient: QueryClient, emit: EmitBillingEvent): void {
  useEffect(
    () =>
      subscribeToState(queryClient, (state, previous) => {
        if (previous && stateDiffers(previous, state)) emit({ type: 'state_changed', state, previous });
      }),
    [queryClient, emit],
  );
}
