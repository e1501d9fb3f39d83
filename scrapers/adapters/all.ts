// Every adapter the product ships, in one registry.
import type { Adapter } from './adapter.js';
import { jaduAdapter } from './jadu.js';
import { localgovDrupalAdapter } from './localgov-drupal.js';
import { orukV1Adapter } from './oruk-v1.js';
import { orukV3Adapter } from './oruk-v3.js';
import { outpostAdapter } from './outpost.js';
import { createAdapterRegistry, type AdapterRegistry } from './registry.js';

export const SHIPPED_ADAPTERS: Adapter[] = [orukV1Adapter, orukV3Adapter, outpostAdapter, localgovDrupalAdapter, jaduAdapter];

export const shippedAdapters = (): AdapterRegistry => createAdapterRegistry(SHIPPED_ADAPTERS);
