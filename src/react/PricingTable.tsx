'use client';
import { useEffect, useId, useRef, type HTMLAttributes, type ReactNode } from 'react';
import { hasSubscription, planAction, type BillingError, type PlanActionKind, type PlanInfo } from '../core';
import { startAction } from '../core/flow/startAction';
import {
  actionErrorText,
  manageButtonLabels,
  paymentFixLabel,
  paymentFixLabels,
} from '../labels/buttonLabels';
import { mergeLabels } from '../labels/mergeLabels';
import { loadLabels, priceLabel } from '../labels/planCardLabels';
import { ActionButton } from './ActionButton';
import { useBillingContext, useFlowSnapshot } from './BillingContext';
import { loadStatus, planPrice, planTitle } from './cardParts';
import { checkoutForm, portalForm } from './fallbackForms';
import { joinTokens } from './joinTokens';
import {
  defaultPricingTableLabels,
  type PricingTableLabels,
  type PricingTableLabelsInput,
} from '../labels/pricingTableLabels';
import { useBillingDescription } from './useBillingDescription';
import { stateReader } from './useFlowAction';

export interface PricingTableProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'onError'> {
  /** The plans to show, in order. @default the provider's `plans` */
  plans?: readonly PlanInfo[];
  /** Any of the table's strings, over the provider's `labels.pricingTable`, over English. */
  labels?: PricingTableLabelsInput;
  /** The heading level of each plan's name, to fit the page's outline. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Called with each failed action, after it is shown to the user. */
  onError?: (error: BillingError) => void;
}

// The table's class, and each part's as `${block}__part` (src/styles/pricingTable.css).
const block = 'saiku-billing-pricing';
const defaults = {
  ...loadLabels,
  ...paymentFixLabels,
  ...manageButtonLabels,
  price: priceLabel,
  pricingTable: defaultPricingTableLabels,
};

/** A plan button's text: Checkout, a plan change in the Portal, or the current plan's payment fix or management. */
function actionText(
  kind: PlanActionKind,
  plan: PlanInfo,
  name: string,
  text: PricingTableLabelsInput & PricingTableLabels,
  paymentFix: string | null,
): string {
  if (kind === 'checkout') return plan.highlighted ? text.start(name) : text.choose(name);
  if (kind === 'portal') return text.switchTo(name);
  return paymentFix ?? (text.manage ?? text.managePlan)(name);
}

/**
 * One card per plan (name, price, description, features) with the one action `planAction` picks for
 * this tenant: Checkout, the Portal (plan changes, payment fixes), a contact link, or the current plan's
 * mark. A tenant with a subscription is never offered a second Checkout.
 */
export const PricingTable = /* @__PURE__ */ Object.assign(
  function PricingTable({
    plans: plansProp,
    labels: labelsProp,
    headingLevel = 3,
    onError,
    className,
    ...rest
  }: PricingTableProps): ReactNode {
    const context = useBillingContext('PricingTable');
    // The table's own `labels` prop is its `pricingTable` section, over the provider's.
    const labels = mergeLabels(mergeLabels(defaults, context.labels), { pricingTable: labelsProp });
    // Typed with the deprecated `manage`, which a host's layer may still give.
    const text: PricingTableLabelsInput & PricingTableLabels = labels.pricingTable;
    const plans = plansProp ?? context.plans;
    const empty = !plans?.length;
    useEffect(() => {
      if (process.env.NODE_ENV !== 'production' && empty) {
        console.warn(
          '[@saiku/billing-react] <PricingTable> has no plans to show, so it renders nothing. ' +
            'Pass `plans` to <PricingTable> or to <BillingProvider>: the Saiku API has no plan catalog.',
        );
      }
    }, [empty]);

    const billing = useBillingDescription();
    const { description, state } = billing;
    const { flow } = context;
    const checkoutReturn = useFlowSnapshot(flow, (snapshot) => snapshot.checkoutReturn);
    // Each plan's button is its own caller on the provider's flow, all under the table's one lock: a
    // second click anywhere in the table mints nothing while one is pending.
    const lock = useId();
    const call = useFlowSnapshot(flow, (snapshot) => snapshot.calls[lock]);
    const latestOnError = useRef(onError);
    useEffect(() => {
      latestOnError.current = onError;
    });
    const nameId = useId();

    if (empty) return null;

    const Heading = `h${headingLevel}` as const;
    const confirming = checkoutReturn === 'confirming' && !description?.hasAccess;
    const subscribed = !!state && hasSubscription(state);
    // The same for every plan: the Portal's no-JavaScript form, and the payment fix a subscription waits on.
    const portalFallback = portalForm(context, context.portal);
    const paymentFix = description?.needsPaymentMethod ? paymentFixLabel(labels, description) : null;

    return (
      <section
        aria-label={text.title}
        {...rest}
        className={joinTokens(block, className)}
        data-state={description ? 'ready' : billing.isPending ? 'loading' : 'error'}
        aria-busy={(!description && billing.isPending) || undefined}
      >
        {description && state ? (
          // role="list": list-style: none drops the list's semantics in Safari.
          <ul className={`${block}__list`} role="list">
            {plans.map((plan, index) => {
              const kind = planAction(state, plan);
              const name = planTitle(plan);
              const current = kind === 'current';
              const toCheckout = kind === 'checkout';
              const caller = lock + plan.tier;
              const mine = call?.source === caller;
              const error = mine ? call.error : null;
              // Nothing to do: Checkout while a return from Checkout waits for the webhook (it would invite a
              // second payment), or a free plan that is current (nothing to manage).
              const idle = toCheckout ? confirming : current && !subscribed;
              return (
                <li
                  key={plan.tier}
                  className={`${block}__plan`}
                  aria-labelledby={nameId + index}
                  aria-current={current ? 'true' : undefined}
                  data-tier={plan.tier}
                  data-action={kind}
                  data-highlighted={plan.highlighted ? '' : undefined}
                >
                  <div className={`${block}__header`}>
                    <Heading id={nameId + index} className={`${block}__name`}>
                      {name}
                    </Heading>
                    {plan.highlighted ? (
                      <span className={`${block}__recommended`}>{text.recommended}</span>
                    ) : null}
                    {current ? <span className={`${block}__current`}>{text.current}</span> : null}
                  </div>
                  {planPrice(block, plan, labels, context.locale)}
                  {plan.description ? <p className={`${block}__description`}>{plan.description}</p> : null}
                  {plan.features?.length ? (
                    <ul className={`${block}__features`} aria-label={text.features(name)}>
                      {plan.features.map((feature) => (
                        <li key={feature}>{feature}</li>
                      ))}
                    </ul>
                  ) : null}
                  <div className={`${block}__actions`}>
                    {/* The plan's one action, or nothing where there is nothing to do: never a dead button. */}
                    {kind === 'contact' ? (
                      <a className="saiku-billing-button" data-variant="secondary" href={plan.contactUrl}>
                        {text.contact(name)}
                      </a>
                    ) : idle ? null : (
                      <ActionButton
                        kind={toCheckout ? 'upgrade' : 'manage'}
                        isPending={mine && call.pending}
                        error={error}
                        errorText={actionErrorText(labels, error)}
                        onAction={() =>
                          void startAction(
                            flow,
                            { kind: 'plan', plan },
                            {
                              source: caller,
                              lock,
                              readState: stateReader(context),
                              onError: (caught) => latestOnError.current?.(caught),
                            },
                          )
                        }
                        fallbackForm={
                          toCheckout
                            ? checkoutForm(context, context.checkout, { tier: plan.tier })
                            : portalFallback
                        }
                      >
                        {actionText(kind, plan, name, text, paymentFix)}
                      </ActionButton>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          loadStatus(block, billing, text.loading, labels)
        )}
      </section>
    );
  },
  { displayName: 'PricingTable' },
);
