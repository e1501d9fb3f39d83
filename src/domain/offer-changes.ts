// What changed between two versions of an offer, in the fields a family would notice: the change feed, `sbb diff`
// and a council's history all describe a change with these.
export const CHANGE_KINDS = ['appeared', 'changed', 'disappeared'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The fields compared between versions. */
export const COMPARED_FIELDS = ['name', 'type', 'access_tier', 'gates', 'age_min', 'age_max', 'cost_status', 'charges', 'allowances'] as const;

export interface FieldChange {
  field: (typeof COMPARED_FIELDS)[number];
  before: unknown;
  after: unknown;
}

/** The compared fields whose values differ (as JSON) between `before` and `after`. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return COMPARED_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
}

type Item = Record<string, unknown>;
const gbp = (n: unknown) => (typeof n === 'number' ? `£${Number.isInteger(n) ? n : n.toFixed(2)}` : '£?');
const charge = (c: Item) => `${gbp(c.amount_gbp)}${c.per ? ` per ${c.per}` : ''}${c.note ? ` (${c.note})` : ''}`;
const allowance = (a: Item) => {
  const amount = a.min !== undefined && a.min !== null && a.min !== a.max ? `${a.min}-${a.max}` : a.max !== undefined && a.max !== null ? `up to ${a.max}` : `${a.min}`;
  return `${amount} ${a.unit ?? ''}${a.per ? ` per ${a.per}` : ''}`.replace(/\s+/g, ' ').trim();
};

/** A field's value in words: charges as "£2 per hour", allowances as "10-50 hours per year", lists joined. */
function show(field: string, v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v)) {
    if (!v.length) return 'none';
    const each = field === 'charges' ? (x: unknown) => charge(x as Item) : field === 'allowances' ? (x: unknown) => allowance(x as Item) : (x: unknown) => (typeof x === 'object' ? JSON.stringify(x) : String(x));
    return v.map(each).join(', ');
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The changes in a line: `type: - -> overnight_home; charges: £2 per hour -> £3 per hour`. */
export const describeChanges = (changes: readonly FieldChange[]) => changes.map((c) => `${c.field}: ${show(c.field, c.before)} -> ${show(c.field, c.after)}`).join('; ');
