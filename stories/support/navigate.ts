// The `navigate` every story's BillingProvider gets: a spy, so a story never leaves the page.
import { fn } from 'storybook/test';

/**
 * Called with the checked Checkout or Portal URL instead of `window.location.assign`. Shown in the
 * Actions panel; Storybook clears its calls before each story.
 */
export const navigate = fn().mockName('navigate');
