// The User-Agent the crawler sends: the product, its version and a contact URL, so site owners can reach us.
import { APP_VERSION } from '../../src/domain/version.js';

export const DEFAULT_CONTACT_URL = 'https://github.com/short-breaks-benchmark/short-breaks-benchmark#crawler';

/** The contact URL comes from the configuration ($SBB_CONTACT_URL or --contact-url), handed in by the caller. */
export function userAgent(contactUrl = DEFAULT_CONTACT_URL): string {
  return `short-breaks-benchmark/${APP_VERSION} (+${contactUrl}; research on published short breaks offers)`;
}
