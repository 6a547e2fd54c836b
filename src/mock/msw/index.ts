// @saiku/billing-react/mock/msw: the simulator's msw handlers over a static msw import. No React.
export { billingHandlers } from '../billingHandlers';
export type { BillingHandlersOptions } from '../handlersWith';
