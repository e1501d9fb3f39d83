// Serves the synthetic discovery sites on loopback: each role (own, democracy, other, mirror) on its own fixture
// server (so its own host:port, reachable from the CLI with --allow-host 127.0.0.1), or every role on one server
// under its own host name (www.exampleshire.test, ...) for runs given a resolver that maps *.test to 127.0.0.1.
import type { Bases, DiscoverFixture, Role } from '../fixtures/sites/discover/pages.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

export const ROLES: readonly Role[] = ['own', 'democracy', 'other', 'mirror'];

export interface ServedSite {
  site: DiscoverFixture;
  bases: Bases;
  /** The server each role is on (one server for all roles when served by name). */
  servers: Record<Role, FixtureServer>;
  /** Every request any role's server had, with the role's base. */
  requests(): Array<{ role: Role; host: string; path: string; at: number }>;
  close(): Promise<void>;
}

/** One fixture server per role. */
export async function serveOnPorts(site: DiscoverFixture): Promise<ServedSite> {
  const servers = {} as Record<Role, FixtureServer>;
  for (const role of ROLES) servers[role] = await startFixtureServer();
  const bases = Object.fromEntries(ROLES.map((r) => [r, servers[r].url])) as Bases;
  const routes = site.routes(bases);
  for (const role of ROLES) servers[role].routes(routes[role] ?? {});
  return {
    site, bases, servers,
    requests: () => ROLES.flatMap((role) => servers[role].requests.map((q) => ({ role, host: q.host, path: q.path, at: q.at }))),
    close: async () => void (await Promise.all(ROLES.map((r) => servers[r].close()))),
  };
}

/** Every role on one server, told apart by the Host header; `names` gives each role's host name. */
export async function serveOnNames(site: DiscoverFixture, names: Record<Role, string>): Promise<ServedSite> {
  const server = await startFixtureServer();
  const bases = Object.fromEntries(ROLES.map((r) => [r, `http://${names[r]}:${server.port}`])) as Bases;
  const routes = site.routes(bases);
  for (const role of ROLES) server.routes(routes[role] ?? {}, names[role]);
  const roleOf = new Map(ROLES.map((r) => [names[r], r]));
  return {
    site, bases, servers: Object.fromEntries(ROLES.map((r) => [r, server])) as Record<Role, FixtureServer>,
    requests: () => server.requests.map((q) => ({ role: roleOf.get(q.host) ?? 'own', host: q.host, path: q.path, at: q.at })),
    close: () => server.close(),
  };
}
