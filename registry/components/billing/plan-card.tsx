'use client';
// The tenant's plan, its status, the date that matters and the upgrade-or-manage action, as a shadcn
// Card. Built on @saiku/billing-react's hooks; the shadcn registry's plan-card.
import type { ComponentProps } from 'react';
import {
  defaultLabels,
  paymentFixLabel,
  useBillingDescription,
  useCheckoutReturn,
  usePlans,
  type BillingPhase,
  type Tier,
} from '@saiku/billing-react';
import { formatPlanPrice, hasSubscription, planTitle } from '@saiku/billing-react/core';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card';
import { ManageButton } from '@/components/billing/manage-button';
import { UpgradeButton } from '@/components/billing/upgrade-button';
import { cn } from '@/lib/utils';

const badgeVariants: Record<BillingPhase, ComponentProps<typeof Badge>['variant']> = {
  free: 'secondary',
  trialing: 'secondary',
  active: 'default',
  past_due: 'destructive',
  unpaid: 'destructive',
  canceled: 'outline',
  unknown: 'outline',
};

export interface PlanCardProps extends ComponentProps<typeof Card> {
  /** The plan the upgrade button checks out. @default the provider's `checkout.tier` */
  upgradeTier?: Tier;
}

export function PlanCard({ upgradeTier, className, ...props }: PlanCardProps) {
  const { description, state, isPending, error, refetch } = useBillingDescription();
  const checkoutReturn = useCheckoutReturn();
  const plans = usePlans();
  // A subscriber's plan, with its name and price, from the provider's `plans`; otherwise "Free".
  const plan = state && hasSubscription(state) ? plans.find((p) => p.action === 'current') : undefined;
  const price = plan?.price;
  // Back from Checkout, before the webhook: the state still says free, and a second Checkout would
  // start a second subscription, so the card says so and holds its upgrade button back.
  const waiting = !description?.hasAccess && checkoutReturn !== 'idle' && checkoutReturn !== 'confirmed';
  const confirming = waiting && checkoutReturn === 'confirming';
  const news = {
    idle: null,
    confirming: defaultLabels.confirming,
    confirmed: defaultLabels.confirmed,
    timed_out: defaultLabels.confirmingTimedOut,
  }[checkoutReturn];

  return (
    <>
      <Card
        role="region"
        aria-label={defaultLabels.planCardTitle}
        aria-busy={(description ? confirming : isPending) || undefined}
        data-state={description ? 'ready' : isPending ? 'loading' : 'error'}
        data-phase={description?.phase}
        {...props}
        className={cn('w-full max-w-sm', className)}
      >
        {description ? (
          <>
            <CardHeader>
              <CardTitle>{plan ? planTitle(plan) : defaultLabels.planName(description)}</CardTitle>
              {price === undefined ? null : (
                <CardDescription>
                  {defaultLabels.price(
                    formatPlanPrice(price),
                    typeof price === 'string' ? undefined : price.interval,
                  )}
                </CardDescription>
              )}
              {/* A free plan's name already says "Free": no badge repeating it. */}
              {description.phase === 'free' ? null : (
                <CardAction>
                  <Badge variant={badgeVariants[description.phase]}>
                    {defaultLabels.status(description)}
                  </Badge>
                </CardAction>
              )}
            </CardHeader>
            {description.date || description.trialDaysLeft !== null || waiting ? (
              <CardContent className="grid gap-1 text-sm">
                {description.date ? <p>{defaultLabels.date(description.date)}</p> : null}
                {description.trialDaysLeft === null ? null : (
                  <p className="text-muted-foreground">
                    {defaultLabels.trialDaysLeft(description.trialDaysLeft)}
                  </p>
                )}
                {waiting ? <p className="text-muted-foreground">{news}</p> : null}
              </CardContent>
            ) : null}
            <CardFooter>
              {description.needsPaymentMethod ? (
                <ManageButton variant="default">{paymentFixLabel(defaultLabels, description)}</ManageButton>
              ) : description.action === 'manage' ? (
                <ManageButton />
              ) : confirming ? null : (
                <UpgradeButton tier={upgradeTier} />
              )}
            </CardFooter>
          </>
        ) : (
          <CardContent className="grid justify-items-start gap-3 text-sm">
            {isPending ? (
              <p className="text-muted-foreground">{defaultLabels.loading}</p>
            ) : (
              <>
                <p role="status" aria-live="polite" className="text-destructive">
                  {error ? defaultLabels.error(error) : null}
                </p>
                <Button variant="outline" onClick={refetch}>
                  {defaultLabels.retry}
                </Button>
              </>
            )}
          </CardContent>
        )}
      </Card>
      {/* Announced once each step, outside the card (which is busy meanwhile). */}
      <span role="status" aria-live="polite" className="sr-only">
        {news}
      </span>
    </>
  );
}
