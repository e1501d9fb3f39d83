// The one configuration: read once from the environment at an entry point (the CLI, the server), then overridden
// by flags. Everything else is handed the values it needs and never reads process.env.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userAgent } from '../../scrapers/fetch/user-agent.js';
import { DEFAULT_CHROMIUM } from '../pack/render/chromium-default.js';
import { CURATION_DIR, PROJECT_ROOT } from './paths.js';

/** Defaults shared with the plain-JS scripts in bin/ (bin/worker-dev.js reads the same file). */
const DEFAULTS = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'node', 'defaults.json'), 'utf8')) as { database: string };

/** The default database file: data/sbb.sqlite in the project. */
export const DEFAULT_DATABASE = join(PROJECT_ROOT, DEFAULTS.database);

export interface Config {
  /** The database file: --db, else $SBB_DB, else data/sbb.sqlite. */
  database: string;
  /** Where snapshot bodies are kept: --snapshots, else snapshots/ beside the database. */
  snapshots: string;
  /** The bearer token that turns on the API's writes ($SBB_WRITE_TOKEN); writes are off without one. */
  writeToken: string | undefined;
  /** Keep recent API response bodies in memory ($SBB_RESPONSE_CACHE=off turns it off). */
  responseCache: boolean;
  /** The Chromium that prints PDFs ($SBB_CHROMIUM, else Debian's /usr/bin/chromium). */
  chromium: string;
  /** The contact URL the crawler's User-Agent names (--contact-url, else $SBB_CONTACT_URL, else the project page). */
  contactUrl: string | undefined;
  /** Researchers' corrections to classification ($SBB_CURATION_DIR, else data/curation/). */
  curationDir: string;
  /** The workshop file ($SBB_WORKSHOP_DB); when unset, `X.workshops.sqlite` beside the database `X.sqlite`. */
  workshopDb: string | undefined;
}

/** Reads the environment once; every value has a default, so an empty environment is a valid configuration. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const database = resolve(env.SBB_DB || DEFAULT_DATABASE);
  return {
    database,
    snapshots: join(dirname(database), 'snapshots'),
    writeToken: env.SBB_WRITE_TOKEN || undefined,
    responseCache: env.SBB_RESPONSE_CACHE !== 'off',
    chromium: env.SBB_CHROMIUM || DEFAULT_CHROMIUM,
    contactUrl: env.SBB_CONTACT_URL || undefined,
    curationDir: env.SBB_CURATION_DIR || CURATION_DIR,
    workshopDb: env.SBB_WORKSHOP_DB ? resolve(env.SBB_WORKSHOP_DB) : undefined,
  };
}

export interface ConfigFlags {
  db?: string;
  snapshots?: string;
  contactUrl?: string;
}

/** The configuration with a command's flags laid over it; --db moves the snapshots with it unless --snapshots is given. */
export function withFlags(config: Config, flags: ConfigFlags): Config {
  const database = flags.db ? resolve(flags.db) : config.database;
  const snapshots = flags.snapshots ? resolve(flags.snapshots) : flags.db ? join(dirname(database), 'snapshots') : config.snapshots;
  return { ...config, database, snapshots, contactUrl: flags.contactUrl ?? config.contactUrl };
}

/** The crawler settings the configuration sets: the User-Agent's contact URL when one is configured. */
export function crawlerSettings(config: { contactUrl?: string }): { userAgent?: string } {
  return config.contactUrl ? { userAgent: userAgent(config.contactUrl) } : {};
}
