'use client';
import { useEffect, useId, useMemo, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import {
  formatPlanPrice,
  hasSubscription,
  planAction,
  type BillingDescription,
  type BillingError,
  type PlanActionKind,
  type PlanInfo,
  type Tier,
} from '../core';
import { planNameFor } from '../core/describeBilling';
import { ActionButton } from './ActionButton';
import { useBillingContext } from './BillingContext';
import { checkoutForm, portalForm } from './fallbackForms';
import { joinTokens } from './joinTokens';
import { manageButtonLabels, paymentFixLabel, paymentFixLabels } from '../labels/buttonLabels';
import { loadLabels, priceLabel } from '../labels/planCardLabels';
import { withOverrides } from '../labels/types';
import { defaultPricingTableLabels, type PricingTableLabels } from './pricingTableLabels';
import { useBillingDescription } from './useBillingDescription';
import { useCheckout } from './useCheckout';
import { usePortal } from './usePortal';

export interface PricingTableProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'onError'> {
  /** The plans to show, in order. @default the provider's `plans` */
  plans?: readonly PlanInfo[];
  /** Any of the table's strings. @default the provider's `labels.pricingTable`, then English */
  labels?: Partial<PricingTableLabels>;
  /** The heading level of each plan's name, to fit the page's outline. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Called with each failed action, after it is shown to the user. */
  onError?: (error: BillingError) => void;
}

// Object.assign in a pure call, not a `PricingTable.displayName = …` statement: a page that does not
// render the table must be able to drop it.

const defaults = {
  ...loadLabels,
  ...paymentFixLabels,
  noCustomer: manageButtonLabels.noCustomer,
  price: priceLabel,
};
type TableLabels = typeof defaults;

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
    const { locale, backend, checkout: checkoutDefaults, portal: portalDefaults } = context;
    const labels = withOverrides(defaults, context.labels);
    const plans = plansProp ?? context.plans;
    const providerTableLabels = context.labels?.pricingTable;
    const text = useMemo<PricingTableLabels>(
      () => ({ ...defaultPricingTableLabels, ...providerTableLabels, ...labelsProp }),
      [providerTableLabels, labelsProp],
    );
    const empty = plans === undefined || plans.length === 0;
    useEffect(() => {
      if (process.env.NODE_ENV === 'production' || !empty) return;
      console.warn(
        '[@saiku/billing-react] <PricingTable> has no plans to show, so it renders nothing. ' +
          'Pass `plans` to <PricingTable> or to <BillingProvider>: the Saiku API has no plan catalog.',
      );
    }, [empty]);

    const { description, state, isPending, error, refetch } = useBillingDescription();
    const checkout = useCheckout({ onError });
    const portal = usePortal({ onError });
    // One action at a time for the whole table: a second click anywhere mints nothing while one is pending.
    const busy = useRef(false);
    const [activeTier, setActiveTier] = useState<Tier | null>(null);

    if (empty) return null;
    const classes = joinTokens('saiku-billing-pricing', className);

    if (!description || !state) {
      return (
        <section
          aria-label={text.title}
          {...rest}
          className={classes}
          data-state={isPending ? 'loading' : 'error'}
          aria-busy={isPending || undefined}
        >
          {isPending ? (
            <p className="saiku-billing-pricing__message">{text.loading}</p>
          ) : (
            <>
              <p className="saiku-billing-pricing__message" role="status" aria-live="polite">
                {error ? labels.error(error) : null}
              </p>
              <button
                type="button"
                className="saiku-billing-button"
                data-variant="secondary"
                onClick={refetch}
              >
                {labels.retry}
              </button>
            </>
          )}
        </section>
      );
    }

    const run = (tier: Tier, action: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      setActiveTier(tier);
      void action().finally(() => {
        busy.current = false;
      });
    };
    const actionPending = checkout.isPending || portal.isPending;
    const actionError = checkout.error ?? portal.error;
    // Back from Checkout and waiting for the webhook: offering Checkout again would invite a second payment.
    const confirming = context.checkoutReturn === 'confirming' && !description.hasAccess;
    const subscribed = hasSubscription(state);

    return (
      <section aria-label={text.title} {...rest} className={classes} data-state="ready">
        {/* role="list": list-style: none drops the list's semantics in Safari. */}
        <ul className="saiku-billing-pricing__list" role="list">
          {plans.map((plan) => {
            const kind = planAction(state, plan);
            const mine = activeTier === plan.tier;
            return (
              <PlanItem
                key={plan.tier}
                plan={plan}
                kind={kind}
                text={text}
                labels={labels}
                locale={locale}
                headingLevel={headingLevel}
                action={
                  <PlanActionControl
                    plan={plan}
                    kind={kind}
                    text={text}
                    labels={labels}
                    description={description}
                    subscribed={subscribed}
                    confirming={confirming}
                    isPending={mine && actionPending}
                    error={mine ? actionError : null}
                    checkoutForm={checkoutForm(backend, checkoutDefaults, { tier: plan.tier })}
                    portalForm={portalForm(backend, portalDefaults)}
                    onCheckout={() => run(plan.tier, () => checkout.start({ tier: plan.tier }))}
                    onPortal={() => run(plan.tier, () => portal.open())}
                  />
                }
              />
            );
          })}
        </ul>
      </section>
    );
  },
  { displayName: 'PricingTable' },
);

interface PlanItemProps {
  plan: PlanInfo;
  kind: PlanActionKind;
  text: PricingTableLabels;
  labels: TableLabels;
  locale: string | undefined;
  headingLevel: 2 | 3 | 4 | 5 | 6;
  action: ReactNode;
}

function PlanItem({ plan, kind, text, labels, locale, headingLevel, action }: PlanItemProps): ReactNode {
  const nameId = useId();
  const name = plan.name ?? planNameFor(plan.tier);
  const Heading = `h${headingLevel}` as const;
  const current = kind === 'current';
  return (
    <li
      className="saiku-billing-pricing__plan"
      aria-labelledby={nameId}
      aria-current={current ? 'true' : undefined}
      data-tier={plan.tier}
      data-action={kind}
      data-highlighted={plan.highlighted ? '' : undefined}
    >
      <div className="saiku-billing-pricing__header">
        <Heading id={nameId} className="saiku-billing-pricing__name">
          {name}
        </Heading>
        {plan.highlighted ? (
          <span className="saiku-billing-pricing__recommended">{text.recommended}</span>
        ) : null}
        {current ? <span className="saiku-billing-pricing__current">{text.current}</span> : null}
      </div>
      {plan.price === undefined ? null : (
        <p className="saiku-billing-pricing__price">
          {typeof plan.price === 'string'
            ? plan.price
            : labels.price(formatPlanPrice(plan.price, locale), plan.price.interval)}
        </p>
      )}
      {plan.description ? <p className="saiku-billing-pricing__description">{plan.description}</p> : null}
      {plan.features && plan.features.length > 0 ? (
        <ul className="saiku-billing-pricing__features" aria-label={text.features(name)}>
          {plan.features.map((feature) => (
            <li key={feature}>{feature}</li>
          ))}
        </ul>
      ) : null}
      <div className="saiku-billing-pricing__actions">{action}</div>
    </li>
  );
}

interface PlanActionControlProps {
  plan: PlanInfo;
  kind: PlanActionKind;
  text: PricingTableLabels;
  labels: TableLabels;
  description: BillingDescription;
  subscribed: boolean;
  confirming: boolean;
  isPending: boolean;
  error: BillingError | null;
  checkoutForm: ReturnType<typeof checkoutForm>;
  portalForm: ReturnType<typeof portalForm>;
  onCheckout: () => void;
  onPortal: () => void;
}

/** The plan's one action, or nothing where there is nothing to do: never a dead button. */
function PlanActionControl(props: PlanActionControlProps): ReactNode {
  const { plan, kind, text, labels, description, isPending, error } = props;
  const name = plan.name ?? planNameFor(plan.tier);
  const errorText = error ? (error.code === 'no_customer' ? labels.noCustomer : labels.error(error)) : null;
  switch (kind) {
    case 'contact':
      return (
        <a className="saiku-billing-button" data-variant="secondary" href={plan.contactUrl}>
          {text.contact(name)}
        </a>
      );
    case 'checkout':
      if (props.confirming) return null;
      return (
        <ActionButton
          kind="upgrade"
          isPending={isPending}
          error={error}
          errorText={errorText}
          onAction={props.onCheckout}
          fallbackForm={props.checkoutForm}
        >
          {plan.highlighted ? text.start(name) : text.choose(name)}
        </ActionButton>
      );
    case 'portal':
    case 'current':
      // A free plan that is current has nothing to manage.
      if (kind === 'current' && !props.subscribed) return null;
      return (
        <ActionButton
          kind="manage"
          isPending={isPending}
          error={error}
          errorText={errorText}
          onAction={props.onPortal}
          fallbackForm={props.portalForm}
        >
          {kind === 'portal'
            ? text.switchTo(name)
            : description.needsPaymentMethod
              ? paymentFixLabel(labels, description)
              : text.manage(name)}
        </ActionButton>
      );
  }
}
