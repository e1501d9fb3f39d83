// The national offer as one read: every current offer of every council (duplicates folded away, none that
// disappeared), each with its council and the date its information last changed, for the Open Referral UK feed.
import type { Offer } from '../domain/index.js';
import { offerFromRow, SOURCE_COLS } from './record-reads.js';
import type { SqlDriver, SqlRow } from './sql-driver.js';

type Row = SqlRow & Record<string, string | number | null>;

/** An offer with what a national feed names beside it. */
export interface NationalOffer extends Offer {
  council_name: string;
  council_web_domain: string | null;
  /** The read (YYYY-MM-DD) that gave the offer's current version: when its information last changed, as far as we know. */
  changed: string;
}

const SELECT = `SELECT o.*, ${SOURCE_COLS}, c.name AS council_name, c.web_domain AS council_web_domain,
    COALESCE((SELECT v.retrieved FROM offer_versions v WHERE v.offer_id = o.id AND v.change <> 'disappeared' AND v.retrieved IS NOT NULL
              ORDER BY v.version DESC LIMIT 1), o.retrieved) AS changed
  FROM offers o JOIN sources s ON s.id = o.source_id JOIN councils c ON c.code = o.council_code
  WHERE o.disappeared_at IS NULL AND o.duplicate_of IS NULL`;

const nationalOf = (r: Row): NationalOffer => ({
  ...offerFromRow(r),
  council_name: String(r.council_name),
  council_web_domain: (r.council_web_domain as string | null) ?? null,
  changed: String(r.changed),
});

/** Every current offer, in id order (a stable order for paging). */
export async function nationalOffers(db: SqlDriver): Promise<NationalOffer[]> {
  return (await db.all<Row>(`${SELECT} ORDER BY o.id`)).map(nationalOf);
}
