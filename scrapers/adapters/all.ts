// Every adapter the product ships, in one registry.
import type { Adapter } from './adapter.js';
import { createAdapterRegistry, type AdapterRegistry } from './registry.js';

export const SHIPPED_ADAPTERS: Adapter[] = [];

export const shippedAdapters = (): AdapterRegistry => createAdapterRegistry(SHIPPED_ADAPTERS);
