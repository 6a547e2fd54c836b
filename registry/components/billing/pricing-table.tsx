'use client';
// One shadcn Card per plan with the one action the plan rule picks for this tenant: Checkout, a plan
// change in the Portal, a contact link, or the current plan's mark. Built on @saiku/billing-react's hooks
// (usePlans, usePlanAction); the shadcn registry's pricing-table.
import { useId, type ComponentProps } from 'react';
import {
  defaultLabels,
  defaultPricingTableLabels as text,
  paymentFixLabel,
  useBillingDescription,
  useBillingState,
  useCheckoutReturn,
  usePlanAction,
  usePlans,
  type BillingDescription,
  type PlanInfo,
  type PlanWithAction,
} from '@saiku/billing-react';
import { formatPlanPrice, planAction, planTitle } from '@saiku/billing-react/core';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader } from '@/components/ui/card';
import { BillingButton } from '@/components/billing/billing-button';
import { cn } from '@/lib/utils';

export interface PricingTableProps extends ComponentProps<'section'> {
  /**
   * The plans to show, in order (the paywall dialog passes those that unlock its requirement).
   * @default the provider's `plans`
   */
  plans?: readonly PlanInfo[];
  /** The heading level of each plan's name, to fit the page's outline. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/** The provider's `plans` (pass them to `<BillingProvider plans={…}>`), or `plans`, each with its action. */
export function PricingTable({ plans: only, headingLevel = 3, className, ...props }: PricingTableProps) {
  const providerPlans = usePlans();
  const { data: state } = useBillingState();
  // The same rule usePlans applies to the provider's plans.
  const plans = only
    ? state
      ? only.map((plan) => ({ ...plan, action: planAction(state, plan) }))
      : []
    : providerPlans;
  const { description, isPending, error, refetch } = useBillingDescription();
  const checkoutReturn = useCheckoutReturn();
  // Back from Checkout, before the webhook: no plan offers a second Checkout meanwhile.
  const confirming = checkoutReturn === 'confirming' && !description?.hasAccess;
  return (
    <section
      aria-label={text.title}
      aria-busy={(!description && isPending) || undefined}
      data-state={description ? 'ready' : isPending ? 'loading' : 'error'}
      {...props}
      className={cn('w-full', className)}
    >
      {description ? (
        <ul role="list" className="grid gap-4 [grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))]">
          {plans.map((plan) => (
            <PlanOption
              key={plan.tier}
              plan={plan}
              description={description}
              confirming={confirming}
              headingLevel={headingLevel}
            />
          ))}
        </ul>
      ) : isPending ? (
        <p className="text-sm text-muted-foreground">{text.loading}</p>
      ) : (
        <div className="grid justify-items-start gap-3 text-sm">
          <p role="status" aria-live="polite" className="text-destructive">
            {error ? defaultLabels.error(error) : null}
          </p>
          <Button variant="outline" onClick={refetch}>
            {defaultLabels.retry}
          </Button>
        </div>
      )}
    </section>
  );
}

interface PlanOptionProps {
  plan: PlanWithAction;
  description: BillingDescription;
  confirming: boolean;
  headingLevel: 2 | 3 | 4 | 5 | 6;
}

function PlanOption({ plan, description, confirming, headingLevel }: PlanOptionProps) {
  const { start, isPending, error } = usePlanAction(plan.tier);
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const name = planTitle(plan);
  const kind = plan.action;
  const current = kind === 'current';
  // Nothing to do: Checkout while a return from Checkout waits for its webhook, or a free plan that is
  // current (nothing to manage). Never a dead button.
  const idle = kind === 'checkout' ? confirming : current && description.action !== 'manage';
  const label =
    kind === 'checkout'
      ? (plan.highlighted ? text.start : text.choose)(name)
      : kind === 'portal'
        ? text.switchTo(name)
        : description.needsPaymentMethod
          ? paymentFixLabel(defaultLabels, description)
          : text.managePlan(name);
  return (
    <li
      aria-labelledby={headingId}
      aria-current={current ? 'true' : undefined}
      data-tier={plan.tier}
      data-action={kind}
      data-highlighted={plan.highlighted ? '' : undefined}
      className="flex"
    >
      <Card className={cn('w-full', plan.highlighted && 'border-primary', current && 'ring-2 ring-ring/50')}>
        <CardHeader>
          <Heading id={headingId} className="leading-none font-semibold">
            {name}
          </Heading>
          {plan.price === undefined ? null : (
            <CardDescription className="text-lg font-semibold text-foreground">
              {defaultLabels.price(
                formatPlanPrice(plan.price),
                typeof plan.price === 'string' ? undefined : plan.price.interval,
              )}
            </CardDescription>
          )}
          {current || plan.highlighted ? (
            <CardAction className="flex flex-col items-end gap-1">
              {plan.highlighted ? <Badge>{text.recommended}</Badge> : null}
              {current ? <Badge variant="secondary">{text.current}</Badge> : null}
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent className="grid flex-1 content-start gap-3 text-sm">
          {plan.description ? <p className="text-muted-foreground">{plan.description}</p> : null}
          {plan.features?.length ? (
            <ul aria-label={text.features(name)} className="grid list-inside list-disc gap-1">
              {plan.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
          ) : null}
        </CardContent>
        <CardFooter>
          {kind === 'contact' ? (
            <Button asChild variant="outline" className="w-full">
              <a href={plan.contactUrl}>{text.contact(name)}</a>
            </Button>
          ) : idle ? null : (
            <BillingButton
              isPending={isPending}
              error={error}
              variant={kind === 'checkout' && plan.highlighted ? 'default' : 'outline'}
              className="w-full"
              containerClassName="w-full"
              onClick={() => void start()}
            >
              {label}
            </BillingButton>
          )}
        </CardFooter>
      </Card>
    </li>
  );
}
