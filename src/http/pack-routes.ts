// GET /api/packs/:code.zip|.pdf|.html?group=&theme=&weights=: a workshop option pack. The runtime hands in the
// builder (the Node server has Chromium and exceljs); without one, as on Workers, packs answer 501.
import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { ApiError } from './envelope.js';
import { readQuery } from './query.js';

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

/** group, theme and weights, each at most once; anything else is a 400 naming the parameter. */
export const PackQuerySchema = z.object({ group: z.string().max(3000).optional(), theme: z.string().max(40).optional(), weights: z.string().max(500).optional() }).strict();

export function registerPackRoutes(app: Hono<Env>, builder: PackBuilder | undefined): void {
  app.get('/api/packs/:file', async (c) => {
    const file = c.req.param('file');
    const m = /^(.+)\.(zip|pdf|html)$/i.exec(file);
    if (!m) throw new ApiError(404, `a pack is /api/packs/CODE.zip, .pdf or .html (got "${file}")`, [{ field: 'format', message: `use one of ${PACK_FORMATS.join(', ')}` }]);
    const format = m[2]!.toLowerCase() as PackFormat;
    const query: PackQuery = readQuery(c, PackQuerySchema);
    if (!builder) throw new ApiError(501, `packs (.${format}) are not built on this server: run sbb serve on Node, or sbb pack, which have Chromium and the XLSX writer`, [{ field: 'format', message: 'not available on this runtime' }]);
    try {
      const out = await builder.build(c.get('store'), m[1]!, format, query);
      c.header('Content-Type', out.media_type);
      c.header('Content-Disposition', `${format === 'zip' ? 'attachment' : 'inline'}; filename="${out.filename}"`);
      return c.body(out.body as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (e instanceof AppError && (e.kind === 'invalid' || e.kind === 'not_found')) throw new ApiError(e.kind === 'not_found' ? 404 : 400, e.message, [{ field: e.field ?? 'query', message: e.message }]);
      throw e;
    }
  });
}
