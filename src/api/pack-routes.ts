// GET /api/packs/:code.zip|.pdf|.html?group=&theme=&weights=: a workshop option pack. The runtime hands in the
// builder (the Node server has Chromium and exceljs); without one, as on Workers, packs answer 501.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PackInputError } from '../pack/pack-errors.js';
import type { Store } from '../store/store.js';
import { ApiError } from './envelope.js';

type Env = { Bindings: object; Variables: { store: Store } };

export const PACK_FORMATS = ['zip', 'pdf', 'html'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackQuery {
  group?: string;
  theme?: string;
  weights?: string;
}

export interface PackBuilder {
  build(store: Store, code: string, format: PackFormat, query: PackQuery): Promise<{ body: Uint8Array; filename: string; media_type: string }>;
}

const PackQuerySchema = z.object({ group: z.string().max(3000).optional(), theme: z.string().max(40).optional(), weights: z.string().max(500).optional() }).strict();

/** group, theme and weights, each at most once; anything else is a 400 naming the parameter. */
function packQuery(c: Context): PackQuery {
  const all = c.req.queries();
  for (const [k, v] of Object.entries(all)) if (v.length > 1) throw new ApiError(400, `query parameter "${k}" is given more than once`, [{ field: k, message: 'give it once' }]);
  const parsed = PackQuerySchema.safeParse(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]])));
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? { field: i.keys.join(','), message: 'unknown query parameter' } : { field: String(i.path[0] ?? 'query'), message: i.message }));
  throw new ApiError(400, `invalid query parameter "${errors[0]!.field}": ${errors[0]!.message}`, errors);
}

export function registerPackRoutes(app: Hono<Env>, builder: PackBuilder | undefined): void {
  app.get('/api/packs/:file', async (c) => {
    const file = c.req.param('file');
    const m = /^(.+)\.(zip|pdf|html)$/i.exec(file);
    if (!m) throw new ApiError(404, `a pack is /api/packs/CODE.zip, .pdf or .html (got "${file}")`, [{ field: 'format', message: `use one of ${PACK_FORMATS.join(', ')}` }]);
    const format = m[2]!.toLowerCase() as PackFormat;
    const query = packQuery(c);
    if (!builder) throw new ApiError(501, `packs (.${format}) are not built on this server: run sbb serve on Node, or sbb pack, which have Chromium and the XLSX writer`, [{ field: 'format', message: 'not available on this runtime' }]);
    try {
      const out = await builder.build(c.get('store'), m[1]!, format, query);
      c.header('Content-Type', out.media_type);
      c.header('Content-Disposition', `${format === 'zip' ? 'attachment' : 'inline'}; filename="${out.filename}"`);
      return c.body(out.body as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (e instanceof PackInputError) throw new ApiError(e.field === 'code' ? 404 : 400, e.message, [{ field: e.field, message: e.message }]);
      throw e;
    }
  });
}
