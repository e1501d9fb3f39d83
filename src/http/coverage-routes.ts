// GET /api/coverage (.json, .csv): England's totals and every council's entry points, records, offers, evidence
// coverage, newest dates and whether it can be ranked in its own DfE 2025 group (the coverage service's report).
import { COVERAGE_COLUMNS, coverageReport, coverageRows } from '../services/coverage.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import { noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const coverageRoutes = createApiRoutes();

coverageRoutes.get(
  {
    path: '/api/coverage',
    summary: "England's totals, then every council's entry points, records, offers, evidence coverage, newest dates and whether it can be ranked",
    tag: 'councils',
    query: noQuery,
    formats: ['json', 'csv'],
    example: '/api/coverage',
  },
  async (c, _q, format) => {
    const r = await coverageReport(c.get('store'));
    if (format === 'csv') return csvResponse(c, 'coverage', coverageRows(r), COVERAGE_COLUMNS);
    return success(c, r, { count: r.councils.length, group: r.group.id, method_version: r.method_version, data_date: r.data_date });
  },
);
