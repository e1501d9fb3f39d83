// Every route group, in the order the app mounts them and the OpenAPI document lists them. ROUTES (the API) and
// PAGES (HTML pages and assets) are what the groups registered, so nothing is listed that is not served, or served
// that is not listed; the tests that walk every route read them.
import { coverageRoutes } from './coverage-routes.js';
import { detailRoutes } from './detail-routes.js';
import { changesAtomRoutes } from './changes-atom.js';
import { historyRoutes } from './history-routes.js';
import { listingRoutes } from './listing-routes.js';
import { openApiDocument } from './openapi.js';
import { orukV3Routes } from './oruk-v3-routes.js';
import { packRoutes } from './pack-routes.js';
import { pageRoutes } from './page-routes.js';
import { noQuery } from './query.js';
import { createApiRoutes, type RouteInfo, type ServedPath } from './route-registry.js';
import { scoringRoutes } from './scoring-routes.js';
import { systemRoutes } from './system-routes.js';
import { workshopApiRoutes } from './workshop-api-routes.js';
import { workshopPageRoutes } from './workshop-page-routes.js';
import { writeRoutes } from './write-routes.js';

export type { PageInfo, RouteInfo } from './route-registry.js';

/** The OpenAPI document describes every API route, itself included. */
const openApiRoutes = createApiRoutes();
let openapi: Record<string, unknown> | undefined;
openApiRoutes.get({ path: '/api/openapi.json', summary: 'This document', tag: 'system', query: noQuery, formats: ['json'], example: '/api/openapi.json' }, (c) =>
  c.json((openapi ??= openApiDocument([...ROUTES, ...FEED_ROUTES]))),
);

export const API_GROUPS = [systemRoutes, openApiRoutes, changesAtomRoutes, listingRoutes, detailRoutes, historyRoutes, coverageRoutes, scoringRoutes, packRoutes, writeRoutes, workshopApiRoutes];
/** Pages first, as the app mounts them; then the API; then the Open Referral UK feed (its own shapes, outside /api). */
export const ROUTE_GROUPS = [pageRoutes, workshopPageRoutes, ...API_GROUPS, orukV3Routes];

export const ROUTES: RouteInfo[] = API_GROUPS.flatMap((g) => g.routes);
/** The Open Referral UK 3.0 feed under /openreferral/v3: in the OpenAPI document, answering in the standard's shapes, not the envelope. */
export const FEED_ROUTES: RouteInfo[] = orukV3Routes.routes;
export const PAGES = [...pageRoutes.routes, ...workshopPageRoutes.routes];
/** Every method and Hono path the groups serve. */
export const SERVED: ServedPath[] = ROUTE_GROUPS.flatMap((g) => g.served);
