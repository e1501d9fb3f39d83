// The command line adds its own words to what core code says: which flag lets a refused private host be fetched.

const PRIVATE = /([\w.:[\]-]+)(?: resolves to [^:]*:)? (?:is )?a private or special address/;
const ALLOWED = 'fetched only when the host is allowed';

/** The reason with "(allow it with --allow-host HOST)" when it says a host was refused; the host from `url`, else the reason. */
export function withFlagHint(reason: string, url?: string): string {
  const m = PRIVATE.exec(reason);
  if (!m) return reason;
  let host = m[1]!;
  if (url)
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      /* not a URL: keep the host the reason names */
    }
  const hint = `(allow it with --allow-host ${host})`;
  return reason.includes(ALLOWED) ? reason.replace(ALLOWED, `${ALLOWED} ${hint}`) : `${reason} ${hint}`;
}
