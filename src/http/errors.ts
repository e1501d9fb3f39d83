// Errors become responses here and nowhere else: an AppError's kind gives the HTTP status (one table), and every
// error answers in the error envelope. Handlers throw; they never translate.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorKind } from '../domain/errors.js';
import { failure } from './envelope.js';

export const STATUS_OF_KIND: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  usage: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  internal: 500,
  unsupported: 501,
  unavailable: 503,
};

/** Codes for which HTTP has a closer word than their kind's status. */
const STATUS_OF_CODE = new Map<string, ContentfulStatusCode>([
  ['unsupported_media_type', 415],
  ['rate_limited', 429],
]);

export const statusOf = (e: AppError): ContentfulStatusCode => (e.code && STATUS_OF_CODE.get(e.code)) || STATUS_OF_KIND[e.kind];

/** The app's onError: an AppError as its status, message and problems; Hono's HTTPException as its status; anything else a logged 500. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof AppError && err.kind !== 'internal') {
    if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(0, Math.ceil(err.retryAfterSeconds))));
    return failure(c, statusOf(err), err.message, err.problems);
  }
  if (err instanceof HTTPException) return failure(c, err.status, err.message);
  console.error(err);
  return failure(c, 500, 'internal error');
}

/** The app's notFound: no route matched the method and path. */
export const noRoute = (c: Context): Response => failure(c, 404, `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
