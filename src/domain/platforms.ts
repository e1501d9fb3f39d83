// Which adapter parses which platform's pages (data shared by the store, the CLI and the scrapers).

/** The adapter that parses a platform's pages. */
export const ADAPTER_FOR_PLATFORM: Record<string, string> = {
  oruk_v1: 'oruk_v1',
  placecube: 'oruk_v1',
  oruk_v3: 'oruk_v3',
  outpost: 'outpost',
  idox_kb5: 'kb5',
  localgov_drupal: 'localgov_drupal',
  jadu: 'jadu',
  plain_html: 'statement',
  pdf: 'pdf_statement',
  servelec_synergy: 'synergy',
  pcg: 'pcg',
};
