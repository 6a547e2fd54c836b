'use client';
// @saiku/billing-react: the provider, hooks and components, and /core's types re-exported. Each value is
// exported from one entry only: the framework-free ones (BillingError, createProxyBackend, …) from /core.
export { BillingProvider, defaultCheckoutTier } from './react/BillingProvider';
export type { BillingProviderProps } from './react/BillingProvider';
export { useBillingState } from './react/useBillingState';
export type { UseBillingStateOptions } from './react/useBillingState';
export { useBillingDescription } from './react/useBillingDescription';
export type { UseBillingDescriptionResult } from './react/useBillingDescription';
export { useCheckout } from './react/useCheckout';
export type { UseCheckoutOptions, UseCheckoutResult } from './react/useCheckout';
export { usePortal } from './react/usePortal';
export type { PortalOpenInput, UsePortalOptions, UsePortalResult } from './react/usePortal';
export type { SessionTarget } from './react/usePortal';
export type { BillingEvent } from './core/flow/BillingEvent';
export { billingKeys } from './react/billingKeys';
export { billingQueryOptions, billingStaleTimeMs } from './react/billingQueryOptions';
export type { BillingQueryOptions, BillingStateQueryKey } from './react/billingQueryOptions';
export { PlanCard } from './react/PlanCard';
export type { PlanCardProps } from './react/PlanCard';
export { UpgradeButton } from './react/UpgradeButton';
export type { UpgradeButtonProps } from './react/UpgradeButton';
export { ManageButton } from './react/ManageButton';
export type { ManageButtonProps } from './react/ManageButton';
export { PricingTable } from './react/PricingTable';
export type { PricingTableProps } from './react/PricingTable';
export { defaultPricingTableLabels } from './labels/pricingTableLabels';
export type { PricingTableLabels, PricingTableLabelsInput } from './labels/pricingTableLabels';
export { usePlanAction } from './react/usePlanAction';
export type { UsePlanActionOptions, UsePlanActionResult } from './react/usePlanAction';
export { usePlans } from './react/usePlans';
export type { PlanWithAction } from './react/usePlans';
export { BillingGate } from './react/BillingGate';
export type { BillingGateProps } from './react/BillingGate';
export { useAccess } from './react/useAccess';
export type { UseAccessResult } from './react/useAccess';
export { Paywall } from './react/Paywall';
export type { PaywallProps } from './react/Paywall';
export { usePaywall } from './react/usePaywall';
export type { UsePaywallResult } from './react/usePaywall';
export { defaultPaywallLabels } from './labels/paywallLabels';
export type { PaywallLabels, PaywallLabelsInput } from './labels/paywallLabels';
export { BillingStatusBanner } from './react/BillingStatusBanner';
export type { BillingStatusBannerProps } from './react/BillingStatusBanner';
export { BillingSettings } from './react/BillingSettings';
export type { BillingSettingsProps, BillingSettingsSection } from './react/BillingSettings';
export type { BillingSettingsLabels } from './labels/settingsLabels';
export { defaultLabels } from './labels/defaultLabels';
export type { BillingLabels, BillingLabelsInput } from './labels/types';
export { mergeLabels } from './labels/mergeLabels';
export { paymentFixLabel } from './labels/buttonLabels';
export type { CheckoutReturnStatus } from './react/BillingContext';
export { useCheckoutReturn } from './react/useCheckoutReturn';

// Types only: `BillingError` the class (for `instanceof`) is on /core.
export type {
  AccessRequirement,
  BillingBackend,
  BillingDate,
  BillingDateKind,
  BillingDescription,
  BillingError,
  BillingErrorCode,
  BillingPhase,
  BillingState,
  CheckoutSession,
  CheckoutSessionInput,
  PlanActionKind,
  PlanFeature,
  PlanInfo,
  PlanPrice,
  PortalSession,
  PortalSessionInput,
  ProxyBackendOptions,
  SubscriptionStatus,
  Tier,
} from './core';
