// Every adapter the product ships, in one registry.
import type { Adapter } from './adapter.js';
import { jaduAdapter } from './jadu.js';
import { kb5Adapter } from './kb5.js';
import { localgovDrupalAdapter } from './localgov-drupal.js';
import { orukV1Adapter } from './oruk-v1.js';
import { orukV3Adapter } from './oruk-v3.js';
import { outpostAdapter } from './outpost.js';
import { pcgAdapter } from './pcg.js';
import { pdfStatementAdapter } from './pdf-statement.js';
import { statementAdapter } from './statement.js';
import { synergyAdapter } from './synergy.js';
import { createAdapterRegistry, type AdapterRegistry } from './registry.js';

export const SHIPPED_ADAPTERS: Adapter[] = [kb5Adapter, orukV1Adapter, orukV3Adapter, outpostAdapter, localgovDrupalAdapter, jaduAdapter, statementAdapter, pdfStatementAdapter, synergyAdapter, pcgAdapter];

export const shippedAdapters = (): AdapterRegistry => createAdapterRegistry(SHIPPED_ADAPTERS);
