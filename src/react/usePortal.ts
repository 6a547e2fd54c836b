'use client';
import { useCallback } from 'react';
import type { BillingError, PortalSessionInput } from '../core';
import type { SessionTarget } from '../core/flow/startAction';
import { useFlowAction, type SessionActionOptions } from './useFlowAction';

export type UsePortalOptions = SessionActionOptions;
export type { SessionTarget };

export interface PortalOpenInput extends Partial<PortalSessionInput> {
  /** `'_blank'` opens the Portal in a new tab (opened at the click, so popup blockers allow it). @default '_self' */
  target?: SessionTarget;
}

export interface UsePortalResult {
  /** Mints a Customer Portal session now and navigates to it. Never rejects: failures land in `error`. */
  open(input?: PortalOpenInput): Promise<void>;
  /** True from the click until the page leaves (or fails to), or the action fails. */
  isPending: boolean;
  /** The last failure; `error.code === 'no_customer'` means there is nothing to manage yet: offer Checkout. */
  error: BillingError | null;
  reset(): void;
}

/**
 * Sends the user to the Stripe Customer Portal; `returnUrl` defaults to the provider's `portal` prop,
 * then the current page.
 */
export function usePortal(options: UsePortalOptions = {}): UsePortalResult {
  const { run, isPending, error, reset } = useFlowAction('usePortal', options);
  const open = useCallback(
    ({ target, ...input }: PortalOpenInput = {}) => run({ kind: 'portal', input, target }),
    [run],
  );
  return { open, isPending, error, reset };
}
