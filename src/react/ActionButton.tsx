'use client';
// The shared body of UpgradeButton and ManageButton: a real <button> that submits the provider's form.
import { joinTokens } from './joinTokens';
import { Slot } from './Slot';
import { forwardRef, useId, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import type { BillingError } from '../core';
import type { FallbackForm } from './fallbackForms';

export interface ActionButtonOwnProps {
  /** Render the host's own element (its only child) instead of our `<button>`, keeping our behaviour. @default false */
  asChild?: boolean;
}

export type ActionButtonBaseProps = ActionButtonOwnProps &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onError'>;

interface ActionButtonProps extends ActionButtonBaseProps {
  kind: 'upgrade' | 'manage';
  isPending: boolean;
  error: BillingError | null;
  errorText: string | null;
  onAction: () => void;
  /** The form and route the button submits, so it works before (or without) JavaScript. */
  fallbackForm: FallbackForm | undefined;
  /** Extra content under the error, such as ManageButton's offer to start Checkout. */
  after?: ReactNode;
}

export const ActionButton = /* @__PURE__ */ Object.assign(
  /* @__PURE__ */ forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
    {
      asChild = false,
      kind,
      isPending,
      error,
      errorText,
      onAction,
      fallbackForm,
      after,
      className,
      onClick,
      children,
      ...rest
    },
    ref,
  ) {
    const errorId = useId();
    const state = isPending ? 'pending' : error ? 'error' : 'idle';
    const Button = asChild ? Slot : 'button';

    const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
      // The host's handler runs first and may cancel ours, as Radix's composeEventHandlers does.
      onClick?.(event);
      if (event.defaultPrevented) return;
      // With JavaScript the click is handled here; the form is the no-JavaScript path.
      event.preventDefault();
      // What the element says, however it came to say it (our props, the host's, an asChild child's):
      // a button announced as disabled does not start anything.
      if (isPending || rest.disabled || event.currentTarget.getAttribute('aria-disabled') === 'true') return;
      onAction();
    };

    const button = (
      <Button
        ref={ref}
        type="button"
        {...fallbackForm}
        {...rest}
        className={joinTokens('saiku-billing-button', className)}
        data-saiku-billing-action={kind}
        data-state={state}
        aria-busy={isPending || undefined}
        aria-disabled={isPending || rest['aria-disabled']}
        aria-describedby={joinTokens(rest['aria-describedby'], errorText && errorId)}
        onClick={handleClick}
      >
        {children}
      </Button>
    );

    const status = (
      <span id={errorId} role="status" aria-live="polite" className="saiku-billing-error">
        {errorText}
      </span>
    );

    // `after` (ManageButton's offer of Checkout) goes beside the button's column, not inside it.
    return (
      <>
        <span className="saiku-billing-action" data-state={state}>
          {button}
          {status}
        </span>
        {after}
      </>
    );
  }),
  { displayName: 'ActionButton' },
);
