// The one Hono environment of every route: the runtime's bindings (D1 on Workers, none on Node) and, per request,
// the store and what the runtime can do (set by the app's first middleware).
import type { Store } from '../store/store.js';
import type { Runtime } from './runtime.js';

export interface AppVariables {
  store: Store;
  runtime: Runtime;
}

export type AppEnv<Bindings extends object = object> = { Bindings: Bindings; Variables: AppVariables };
