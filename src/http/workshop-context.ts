// How a route (the JSON API or a page) reaches workshop mode: the request's workshop store, the client's address for
// the rate limits (held in memory only, never stored or logged), and the limits themselves as a 429.
import type { Context } from 'hono';
import { AppError } from '../domain/errors.js';
import { rateLimited } from '../services/rate-limit.js';
import type { WorkshopStore } from '../store/workshop-store.js';
import type { AppEnv } from './app-env.js';
import type { WorkshopRuntime } from './runtime.js';

/** Workshop mode on this runtime; a 501 where the runtime set none up. */
export function workshopRuntimeOf(c: Context<AppEnv>): WorkshopRuntime {
  const rt = c.get('runtime').workshops;
  if (!rt) throw new AppError('unsupported', 'workshops are not set up on this server', { problems: [{ field: 'runtime', message: 'no workshop store' }] });
  return rt;
}

/** The workshop store for this request. */
export const workshopStoreOf = (c: Context<AppEnv>): WorkshopStore => workshopRuntimeOf(c).store(c.env as object);

/** The client's address as the runtime saw it (Cloudflare's header on Workers, the socket on Node); never stored. */
export function clientAddress(c: Context<AppEnv>): string {
  const cf = c.req.header('CF-Connecting-IP');
  if (cf) return cf;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Takes a token from a per-address bucket (join_per_address, guess_per_address); a 429 when it is empty. */
export function limitAddress(c: Context<AppEnv>, bucket: 'join_per_address' | 'guess_per_address', what: string): void {
  const wait = workshopRuntimeOf(c).limits(bucket, clientAddress(c));
  if (wait !== null) throw rateLimited(wait, what);
}

/**
 * Runs a request that names a workshop by its code, counting unknown codes as guesses per address: once an
 * address has used up its guesses every code it sends is a 429 (known or not), so the limit reveals nothing.
 */
export async function guardCode<T>(c: Context<AppEnv>, fn: () => Promise<T>): Promise<T> {
  const rt = workshopRuntimeOf(c);
  const address = clientAddress(c);
  const wait = rt.limits('guess_per_address', address, 0);
  if (wait !== null) throw rateLimited(wait, 'workshop codes tried from this address');
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.kind === 'not_found' && e.field === 'code') rt.limits('guess_per_address', address, 1);
    throw e;
  }
}
