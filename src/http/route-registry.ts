// Routes are registered once: a group's `get`/`post` adds the route to the group's Hono sub-app and records what it
// is, so the catalogue, the OpenAPI document and the tests that walk every route read the same registrations.
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env.js';
import type { Format } from './format.js';
import { readQuery } from './query.js';

/** An API route as the catalogue and the OpenAPI document describe it. */
export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path template. */
  path: string;
  summary: string;
  tag: 'system' | 'councils' | 'offers' | 'sources' | 'inspections' | 'scoring' | 'packs' | 'writes' | 'workshops' | 'openreferral';
  query?: z.ZodTypeAny;
  /** Path parameters and an example value for each (used by tests and the document). */
  params?: Record<string, { description: string; example: string }>;
  formats: Array<'json' | 'csv' | 'zip' | 'pdf' | 'html' | 'atom' | 'xlsx'>;
  /** An example request path (with path parameters filled in) that succeeds on the shipped data; '' when there is none. */
  example: string;
  /** Needs the bearer token; off when no token is set. */
  auth?: boolean;
  /** The JSON schema of a 200 body that is not in the envelope (the Open Referral feed answers in its standard's shapes). */
  response?: Record<string, unknown>;
  /** Answers 201 (something was created) instead of 200 on success. */
  created?: boolean;
  /** Error statuses the route answers beyond 400 and 404, each with what it means (the OpenAPI document lists them). */
  errors?: Partial<Record<'401' | '403' | '409' | '413' | '415' | '429' | '501', string>>;
}

/** An HTML page, a page's form (POST) or a static asset: served and catalogued, but not part of the OpenAPI document. */
export interface PageInfo {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
}

/** One method and Hono path that a group serves, and the output format that path asks for. */
export interface ServedPath {
  method: RouteInfo['method'];
  path: string;
  format: Format;
}

/**
 * The Hono paths of a route: the template with {name} as :name (or `at`, where Hono needs another pattern) and,
 * for a list that offers CSV, its .json and .csv forms. A path parameter carries its own suffix (E10000017.csv).
 */
export function servedPaths(info: { method: RouteInfo['method']; path: string; formats?: readonly string[] }, at?: string): ServedPath[] {
  const path = at ?? info.path.replace(/\{(\w+)\}/g, ':$1');
  const served: ServedPath[] = [{ method: info.method, path, format: 'json' }];
  if (info.formats?.includes('csv') && !path.includes(':'))
    served.push({ method: info.method, path: `${path}.json`, format: 'json' }, { method: info.method, path: `${path}.csv`, format: 'csv' });
  return served;
}

type Reply = Response | Promise<Response>;

export interface Serving {
  /** The Hono pattern, where the template cannot be served as it is written (a pack's `{code}.{format}`). */
  at?: string;
  /** Checks of the path that come before the query's (a pack's file name). */
  checkPath?: (c: Context<AppEnv>) => void;
}

/** A group of API routes: a Hono sub-app to mount with `app.route()` and the routes it registered. */
export function createApiRoutes() {
  const app = new Hono<AppEnv>();
  const routes: RouteInfo[] = [];
  const served: ServedPath[] = [];
  /** Registers a route: its query is read with its own schema (unknown, repeated or malformed parameters are a 400) before the handler runs. */
  const define =
    (method: RouteInfo['method']) =>
    <Q extends z.ZodTypeAny>(info: Omit<RouteInfo, 'method' | 'query'> & { query: Q }, handler: (c: Context<AppEnv>, query: z.output<Q>, format: Format) => Reply, serving: Serving = {}) => {
      const route: RouteInfo = { method, ...info };
      routes.push(route);
      for (const s of servedPaths(route, serving.at)) {
        served.push(s);
        app.on(method, s.path, (c) => {
          serving.checkPath?.(c);
          return handler(c, readQuery(c, info.query), s.format);
        });
      }
    };
  return { app, routes, served, get: define('GET'), post: define('POST'), put: define('PUT'), delete: define('DELETE') };
}

/** A group of pages and assets: a Hono sub-app and the pages it registered. */
export function createPageRoutes() {
  const app = new Hono<AppEnv>();
  const routes: PageInfo[] = [];
  const served: ServedPath[] = [];
  const get = (info: Omit<PageInfo, 'method'>, handler: (c: Context<AppEnv>) => Reply) => {
    const page: PageInfo = { method: 'GET', ...info };
    routes.push(page);
    for (const s of servedPaths(page)) {
      served.push(s);
      app.get(s.path, handler);
    }
  };
  return { app, routes, served, get };
}
