'use client';
// The shared body of UpgradeButton and ManageButton: a real <button> inside a real <form>.
import { joinTokens } from './joinTokens';
import { Slot } from './Slot';
import { forwardRef, useId, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import type { BillingError } from '../core';

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
  /** The proxy's form route and fields, so the button works before (or without) JavaScript. */
  fallbackForm: { action: string; fields: Record<string, string | undefined> } | null;
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
      if (isPending || rest.disabled) return;
      onAction();
    };

    const button = (
      <Button
        ref={ref}
        type={fallbackForm ? 'submit' : 'button'}
        {...rest}
        className={joinTokens('saiku-billing-button', className)}
        data-saiku-billing-action={kind}
        data-state={state}
        aria-busy={isPending || undefined}
        aria-disabled={isPending || rest['aria-disabled'] || undefined}
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

    // `after` may hold another form, and forms cannot nest: it goes beside ours.
    if (!fallbackForm) {
      return (
        <>
          <span className="saiku-billing-action" data-state={state}>
            {button}
            {status}
          </span>
          {after}
        </>
      );
    }
    return (
      <>
        <form method="post" action={fallbackForm.action} className="saiku-billing-action" data-state={state}>
          {Object.entries(fallbackForm.fields).map(([name, value]) =>
            value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
          )}
          {button}
          {status}
        </form>
        {after}
      </>
    );
  }),
  { displayName: 'ActionButton' },
);
