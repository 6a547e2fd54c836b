'use client';
import {
  useEffect,
  useId,
  useRef,
  type DialogHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { AccessRequirement, BillingError } from '../core';
import type { BillingFlow } from '../core/flow/billingFlow';
import { closePaywall, mountPaywall } from '../core/flow/paywall';
import { mergeLabels } from '../labels/mergeLabels';
import { defaultPaywallLabels, type PaywallLabels, type PaywallLabelsInput } from '../labels/paywallLabels';
import { useBillingContext, useFlowSnapshot } from './BillingContext';
import { joinTokens } from './joinTokens';
import { PricingTable } from './PricingTable';
import { useAccess } from './useAccess';

export interface PaywallProps extends Omit<
  DialogHTMLAttributes<HTMLDialogElement>,
  'children' | 'open' | 'onError' | 'title'
> {
  /** Any of the paywall's strings, over the provider's `labels.paywall`, over English. */
  labels?: PaywallLabelsInput;
  /** Called with each failed plan action, after it is shown to the user. */
  onError?: (error: BillingError) => void;
}

// The dialog's class, and each part's as `${block}__part` (src/styles/paywall.css).
const block = 'saiku-billing-paywall';
const focusable =
  'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The paywall: a modal dialog, opened with `usePaywall().open(requirement)` at the gated action, that
 * lists the provider's plans unlocking the requirement (as `<PricingTable>` shows them: prices, and each
 * plan's one action). Place it once anywhere under the provider. Native `<dialog>` opened with
 * `showModal()`: the rest of the page is inert, Escape and the close button close it, Tab stays inside,
 * the page does not scroll behind it, and focus goes back to the element that opened it.
 */
export const Paywall = /* @__PURE__ */ Object.assign(
  function Paywall({ labels: labelsProp, onError, className, onKeyDown, ...rest }: PaywallProps): ReactNode {
    const context = useBillingContext('Paywall');
    const { flow } = context;
    const request = useFlowSnapshot(flow, (snapshot) => snapshot.paywall ?? null);
    const isOpen = request !== null;
    const labels = mergeLabels(mergeLabels({ paywall: defaultPaywallLabels }, context.labels), {
      paywall: labelsProp,
    }).paywall;
    const dialogRef = useRef<HTMLDialogElement>(null);
    const titleId = useId();
    const descriptionId = useId();

    useEffect(() => mountPaywall(flow), [flow]);
    useEffect(() => {
      const dialog = dialogRef.current;
      return isOpen && dialog ? showModal(dialog, flow) : undefined;
    }, [isOpen, flow]);

    // Tab past the last control comes back to the first, and Shift+Tab the other way, in every browser.
    const keepTabInside = (event: KeyboardEvent<HTMLDialogElement>) => {
      onKeyDown?.(event);
      if (event.defaultPrevented || event.key !== 'Tab') return;
      const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
      const first = controls[0];
      const last = controls[controls.length - 1];
      const active = document.activeElement;
      if (!first || !last) return;
      if (event.shiftKey ? active === first || active === event.currentTarget : active === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };

    return (
      <dialog
        {...rest}
        ref={dialogRef}
        className={joinTokens(block, className)}
        aria-modal="true"
        aria-labelledby={isOpen ? titleId : undefined}
        aria-describedby={isOpen ? descriptionId : undefined}
        data-state={isOpen ? 'open' : 'closed'}
        onKeyDown={keepTabInside}
      >
        {isOpen ? (
          <PaywallBody
            requirement={request.requirement}
            labels={labels}
            titleId={titleId}
            descriptionId={descriptionId}
            onClose={() => closePaywall(flow)}
            onError={onError}
          />
        ) : null}
      </dialog>
    );
  },
  { displayName: 'Paywall' },
);

/**
 * Opens `dialog` as a modal (or, where `showModal` is missing, as a plain open dialog), locks the page's
 * scroll and moves focus in; the function closes it, unlocks, and gives focus back to the opener.
 */
function showModal(dialog: HTMLDialogElement, flow: BillingFlow): () => void {
  // The effect runs right after the click that opened it: focus is still on the opener.
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const root = document.documentElement;
  const overflow = root.style.overflow;
  root.style.overflow = 'hidden';
  if (typeof dialog.showModal === 'function') {
    if (!dialog.open) dialog.showModal();
  } else dialog.setAttribute('open', '');
  if (!dialog.contains(document.activeElement)) dialog.querySelector<HTMLElement>(focusable)?.focus();
  // Escape closes the native dialog itself: the store follows.
  const closed = () => closePaywall(flow);
  dialog.addEventListener('close', closed);
  return () => {
    dialog.removeEventListener('close', closed);
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    root.style.overflow = overflow;
    if (opener?.isConnected) opener.focus();
  };
}

interface PaywallBodyProps {
  requirement: AccessRequirement | undefined;
  labels: PaywallLabels;
  titleId: string;
  descriptionId: string;
  onClose: () => void;
  onError: ((error: BillingError) => void) | undefined;
}

/** What the open dialog shows: its title, why, and the plans that unlock the requirement. */
function PaywallBody({ requirement, labels, titleId, descriptionId, onClose, onError }: PaywallBodyProps) {
  const { allowed, plans } = useAccess(requirement);
  const line = allowed ? labels.included : plans.length ? labels.description : labels.empty;
  return (
    <>
      <div className={`${block}__header`}>
        <h2 id={titleId} className={`${block}__title`}>
          {labels.title}
        </h2>
        <button
          type="button"
          className={`saiku-billing-button ${block}__close`}
          data-variant="secondary"
          aria-label={labels.close}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p id={descriptionId} className={`${block}__description`} data-empty={plans.length ? undefined : ''}>
        {line}
      </p>
      {plans.length ? <PricingTable plans={plans} headingLevel={3} onError={onError} /> : null}
    </>
  );
}
