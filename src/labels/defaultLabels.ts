/**
 * Every English default in one object, for hosts that start a translation from it. The components do not
 * import it: each takes only its own strings (src/labels), so a page pays for the text it shows.
 */
import { bannerLabels } from './bannerLabels';
import { manageButtonLabels, paymentFixLabels, upgradeButtonLabels } from './buttonLabels';
import { confirmationLabels } from './confirmationLabels';
import { loadLabels, planCardLabels } from './planCardLabels';
import type { BillingLabels } from './types';

export const defaultLabels: BillingLabels = {
  ...upgradeButtonLabels,
  ...manageButtonLabels,
  ...paymentFixLabels,
  ...planCardLabels,
  ...loadLabels,
  ...confirmationLabels,
  banner: bannerLabels,
};
