// Types of the layer rules (eslint/layers.js), for the tests that check the README against them.
export interface Layer {
  name: string;
  dirs: string[];
  may: string[];
}
export const LAYERS: Layer[];
export const NODE_ONLY_ALLOWED: string[];
export function layerOf(relPath: string): Layer | undefined;
declare const plugin: { rules: Record<string, unknown> };
export default plugin;
