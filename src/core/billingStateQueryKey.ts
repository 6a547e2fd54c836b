/**
 * The state query's react-query key, React-free so a server component can prefetch under it:
 * `queryClient.prefetchQuery({ queryKey: billingStateQueryKey, queryFn: () => saiku.getState() })`.
 */
export const billingStateQueryKey = ['saiku-billing', 'state'] as const;
