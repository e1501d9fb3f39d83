// The ways a fetch can fail: an AppError of kind 'unavailable' whose code the retry policy and run summaries act on.
import { AppError, isAppError } from '../../src/domain/errors.js';

export const FETCH_ERROR_CODES = [
  'bad_url',
  'blocked_address',
  'network',
  'timeout_connect',
  'timeout_headers',
  'timeout_body',
  'timeout_total',
  'slow_body',
  'too_large',
  'decompression_bomb',
  'bad_encoding',
  'redirect_loop',
  'too_many_redirects',
  'post_off_host',
] as const;
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

/** A failed fetch: an AppError whose code says how it failed and whose field is the URL fetched. */
export type FetchError = AppError & { readonly code: FetchErrorCode };

/** The error for a failed fetch of `url`. */
export const fetchError = (code: FetchErrorCode, message: string, url: string): FetchError =>
  new AppError('unavailable', message, { code, field: url }) as FetchError;

export const isFetchError = (e: unknown): e is FetchError =>
  isAppError(e) && e.kind === 'unavailable' && (FETCH_ERROR_CODES as readonly string[]).includes(e.code ?? '');

/**
 * Failures that another attempt may cure (the network, a slow server); the rest will fail the same way again. A body
 * that arrives too slowly (`slow_body`, a server dripping bytes) is not retried: asking again drips again.
 */
export const isTransient = (code: FetchErrorCode) => code === 'network' || code.startsWith('timeout_');
