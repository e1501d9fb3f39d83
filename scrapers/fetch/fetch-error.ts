// The ways a fetch can fail, each with a code the retry policy and run summaries act on.

export type FetchErrorCode =
  | 'bad_url'
  | 'blocked_address'
  | 'network'
  | 'timeout_connect'
  | 'timeout_headers'
  | 'timeout_body'
  | 'timeout_total'
  | 'too_large'
  | 'decompression_bomb'
  | 'bad_encoding'
  | 'redirect_loop'
  | 'too_many_redirects';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Failures that another attempt may cure (the network, a slow server); the rest will fail the same way again. */
export const isTransient = (code: FetchErrorCode) => code === 'network' || code.startsWith('timeout_');
