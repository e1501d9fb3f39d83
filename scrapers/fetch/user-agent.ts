// The User-Agent the crawler sends: the product, its version and a contact URL, so site owners can reach us.
import { APP_VERSION } from '../../src/domain/version.js';

export const DEFAULT_CONTACT_URL = 'https://github.com/short-breaks-benchmark/short-breaks-benchmark#crawler';

export function userAgent(contactUrl = process.env.SBB_CONTACT_URL ?? DEFAULT_CONTACT_URL): string {
  return `short-breaks-benchmark/${APP_VERSION} (+${contactUrl}; research on published short breaks offers)`;
}
