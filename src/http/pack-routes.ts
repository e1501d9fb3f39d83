// GET /api/packs/:code.zip|.pdf|.html?group=&theme=&weights=: a workshop option pack. The runtime hands in the
// builder (the Node server has Chromium and exceljs); without one, as on Workers, packs answer 501.
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { CODE_PARAM } from './query.js';
import { createApiRoutes } from './route-registry.js';
import { PACK_FORMATS, type PackFormat, type PackQuery } from './runtime.js';
import { cspForInlineStyles, htmlHeaders } from './page-html.js';

export type { PackBuilder, PackFormat, PackQuery } from './runtime.js';

export const packRoutes = createApiRoutes();

/** group, theme, weights, and the easy read's contact and return_by, each at most once; anything else is a 400 naming the parameter. */
export const PackQuerySchema = z
  .object({ group: z.string().max(3000).optional(), theme: z.string().max(40).optional(), weights: z.string().max(500).optional(), contact: z.string().max(300).optional(), return_by: z.string().max(10).optional() })
  .strict();

/** "E10000017.pdf" as the council and the format; anything else is a 404 naming the format. */
function packFile(c: Context): { code: string; format: PackFormat } {
  const file = c.req.param('file') ?? '';
  const m = /^(.+)\.(zip|pdf|html)$/i.exec(file);
  if (!m) throw notFound('format', `a pack is /api/packs/CODE.zip, .pdf or .html (got "${file}")`, { problems: [{ field: 'format', message: `use one of ${PACK_FORMATS.join(', ')}` }] });
  return { code: m[1]!, format: m[2]!.toLowerCase() as PackFormat };
}

packRoutes.get(
  {
    path: '/api/packs/{code}.{format}',
    summary: 'A workshop option pack: a ZIP of everything, the PDF, or the self-contained HTML',
    tag: 'packs',
    query: PackQuerySchema,
    params: { ...CODE_PARAM, format: { description: 'zip, pdf or html', example: 'html' } },
    formats: ['zip', 'pdf', 'html'],
    example: '/api/packs/E10000017.html',
  },
  async (c, query: PackQuery) => {
    const { code, format } = packFile(c);
    const builder = c.get('runtime').packs;
    if (!builder)
      throw new AppError('unsupported', `packs (.${format}) are not built on this server: run sbb serve on Node, or sbb pack, which have Chromium and the XLSX writer`, {
        problems: [{ field: 'format', message: 'not available on this runtime' }],
      });
    const out = await builder.build(c.get('store'), code, format, query);
    // The preview is a page like the others: the same Content-Security-Policy (its own stylesheet allowed by hash).
    if (out.media_type.startsWith('text/html')) htmlHeaders(c, await cspForInlineStyles(new TextDecoder().decode(out.body as Uint8Array)));
    c.header('Content-Type', out.media_type);
    c.header('Content-Disposition', `${format === 'zip' ? 'attachment' : 'inline'}; filename="${out.filename}"`);
    return c.body(out.body as Uint8Array<ArrayBuffer>);
  },
  { at: '/api/packs/:file', checkPath: packFile },
);
