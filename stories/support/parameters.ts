// `parameters.billing`: how .storybook/preview.tsx wraps a story in BillingProvider.
import type { BillingProviderProps } from '../../src';

export interface BillingStoryParameters {
  /**
   * Props for the story's BillingProvider, over the defaults in preview.tsx (locale, labels, checkout…).
   * `false`: the story renders its own provider.
   */
  provider?: Partial<Omit<BillingProviderProps, 'children' | 'navigate' | 'queryClient'>> | false;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    billing?: BillingStoryParameters;
  }
}
