// The workshop store: every read and write of workshop mode's tables (migrations/0009_workshops.sql, scores in one
// sheet per participant since 0011) over one SqlDriver, the same on Node's own workshop file and on D1. Each write is
// one batch that also moves the workshop's revision.
import type { CommentStatus, Decision, Role, WorkshopStatus } from '../domain/workshop.js';
import { optionPath, readSheet, sheetPatch, sheetScores, tallySheets, type SheetTally } from './score-sheets.js';
import type { SqlDriver, SqlStatement, SqlValue } from './sql-driver.js';
import { createWriteQueue } from './write-queue.js';

export type { SheetTally, TallyRow } from './score-sheets.js';

/** A rate limit to take `cost` tokens from (default 1; 0 only looks): null when allowed, else the seconds to wait. Handed in by the runtime. */
export type LimitCheck = (bucket: string, key: string, cost?: number) => number | null;

export interface WorkshopRow {
  code: string;
  council_code: string;
  council_name: string;
  title: string;
  theme: string | null;
  group_spec: string | null;
  weights: string | null;
  status: WorkshopStatus;
  facilitator_hash: string;
  factors: string;
  scale: string;
  created_at: string;
  revision: number;
}

export interface OptionRow {
  id: string;
  title: string;
  summary: string;
  easy_read: string | null;
  position: number;
  scoring_open: number;
  decision: Decision | null;
  decision_reason: string | null;
  decided_at: string | null;
}

export interface ParticipantRow {
  id: string;
  workshop_code: string;
  role: Role;
  key_hash: string;
}

export interface CommentRow {
  id: string;
  option_id: string;
  role: Role;
  text: string;
  status: CommentStatus;
  created_at: string;
}

/** A submission's scores merged into the participant's sheet: those it names replace the earlier ones, the rest stay. */
const MERGE_SHEET = `INSERT INTO workshop_score_sheets (participant_id, workshop_code, scores, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (participant_id) DO UPDATE SET scores = json_patch(workshop_score_sheets.scores, excluded.scores), updated_at = excluded.updated_at`;

function scoreStatements(code: string, participant: string, scores: ReadonlyArray<{ option: string; factor: string; score: number }>, now: string): SqlStatement[] {
  return scores.length ? [{ sql: MERGE_SHEET, params: [participant, code, sheetPatch(scores), now] }] : [];
}

const bump = (code: string): SqlStatement => ({ sql: 'UPDATE workshops SET revision = revision + 1 WHERE code = ?', params: [code] });
const OPTION_COLUMNS = 'id, title, summary, easy_read, position, scoring_open, decision, decision_reason, decided_at';

export interface WorkshopStoreOptions {
  limits?: LimitCheck;
  /** A synchronous SHA-256 in hex (Node's crypto): keys are hashed without a trip to WebCrypto's thread pool. */
  sha256?: (text: string) => string;
  /**
   * Node's own workshop file: workshops' rows and options may be kept in memory between facilitator changes
   * (settingsStamp), and submissions arriving together are written in one transaction, flushed by `schedule`.
   */
  local?: {
    schedule: (flush: () => void) => void;
    /** Runs a function at the next turn of the event loop: the file's data_version is read once per turn. Without it, once per call. */
    nextTurn?: (fn: () => void) => void;
  };
}

export function createWorkshopStore(db: SqlDriver, options: WorkshopStoreOptions = {}) {
  const write = (code: string, statements: SqlStatement[]) => db.batch([...statements, bump(code)]);
  const queue = options.local ? createWriteQueue(db, { schedule: options.local.schedule, finish: bump }) : undefined;
  // Moves after every change this process makes to a workshop's row or options (facilitator changes).
  let generation = 0;
  let dataVersion: Promise<number | undefined> | undefined;
  const settingsWrite = async (code: string, statements: SqlStatement[]) => {
    try {
      await write(code, statements);
    } finally {
      generation++;
    }
  };
  return {
    driver: db,
    /** The runtime's rate limits (none where the runtime set none). */
    limits: options.limits,
    sha256: options.sha256,
    /** Writes grouped into transactions so far (Node's file; 0 elsewhere). */
    groupedTransactions: () => queue?.transactions() ?? 0,
    /** Moves whenever this process changes a workshop's row or options. */
    settingsGeneration: () => generation,
    /**
     * Changes whenever any workshop's row or options may have changed: this process's changes, or any commit by
     * another connection to the file (PRAGMA data_version: `sbb workshop` in another process). Undefined on D1,
     * where nothing is kept between requests.
     */
    async settingsStamp(): Promise<string | undefined> {
      if (!options.local) return undefined;
      // One read of the file's data_version serves every request of the same turn of the event loop (a burst of 200
      // submissions reads it a few times, not 200); this process's own changes move `generation` at once.
      const nextTurn = options.local.nextTurn;
      if (!dataVersion || !nextTurn) {
        dataVersion = db.get<{ data_version: number }>('PRAGMA data_version').then((v) => v?.data_version);
        nextTurn?.(() => (dataVersion = undefined));
      }
      return `${generation}.${(await dataVersion) ?? ''}`;
    },

    async insertWorkshop(row: Omit<WorkshopRow, 'revision'>, opts: ReadonlyArray<Omit<OptionRow, 'scoring_open' | 'decision' | 'decision_reason' | 'decided_at'>>): Promise<void> {
      const cols = ['code', 'council_code', 'council_name', 'title', 'theme', 'group_spec', 'weights', 'status', 'facilitator_hash', 'factors', 'scale', 'created_at'] as const;
      await db.batch([
        { sql: `INSERT INTO workshops (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, params: cols.map((c) => row[c] as SqlValue) },
        ...opts.map((o) => ({ sql: 'INSERT INTO workshop_options (workshop_code, id, title, summary, easy_read, position) VALUES (?, ?, ?, ?, ?, ?)', params: [row.code, o.id, o.title, o.summary, o.easy_read, o.position] })),
      ]);
    },
    workshop: (code: string) => db.get<WorkshopRow & Record<string, unknown>>('SELECT * FROM workshops WHERE code = ?', [code]),
    list: () => db.all<WorkshopRow & Record<string, unknown>>('SELECT * FROM workshops ORDER BY created_at DESC, code'),
    async revision(code: string): Promise<number | undefined> {
      return (await db.get<{ revision: number }>('SELECT revision FROM workshops WHERE code = ?', [code]))?.revision;
    },
    options: (code: string) => db.all<OptionRow & Record<string, unknown>>(`SELECT ${OPTION_COLUMNS} FROM workshop_options WHERE workshop_code = ? ORDER BY position, id`, [code]),
    participant: (keyHash: string) => db.get<ParticipantRow & Record<string, unknown>>('SELECT id, workshop_code, role, key_hash FROM workshop_participants WHERE key_hash = ?', [keyHash]),
    addParticipant: (code: string, id: string, keyHash: string, role: Role, now: string) =>
      write(code, [{ sql: 'INSERT INTO workshop_participants (id, workshop_code, key_hash, role, created_at) VALUES (?, ?, ?, ?, ?)', params: [id, code, keyHash, role, now] }]),
    participantCounts: (code: string) => db.all<{ role: Role; n: number }>('SELECT role, COUNT(*) AS n FROM workshop_participants WHERE workshop_code = ? GROUP BY role', [code]),

    /**
     * One submission, all or nothing: each score replaces the participant's earlier one for that option and factor.
     * On Node's file it shares a transaction with those arriving together, and is not written (false) when
     * `stillValid` says no by then (the facilitator changed the workshop since it was checked).
     */
    async saveSubmission(
      code: string,
      p: ParticipantRow,
      scores: ReadonlyArray<{ option: string; factor: string; score: number }>,
      comments: ReadonlyArray<{ id: string; option: string; text: string }>,
      now: string,
      cleared: readonly string[] = [],
      stillValid?: () => boolean,
    ): Promise<boolean> {
      const statements = [
        ...scoreStatements(code, p.id, scores, now),
        // Comments the participant emptied are taken back, wherever the facilitator had put them.
        ...cleared.map((option) => ({ sql: 'DELETE FROM workshop_comments WHERE participant_id = ? AND option_id = ?', params: [p.id, option] })),
        // A changed comment goes back to the facilitator before the room sees it; an unchanged one keeps its status.
        ...comments.map((c) => ({
          sql: `INSERT INTO workshop_comments (id, workshop_code, participant_id, option_id, role, text, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
                ON CONFLICT (participant_id, option_id) DO UPDATE SET text = excluded.text, created_at = excluded.created_at,
                status = CASE WHEN workshop_comments.text = excluded.text THEN workshop_comments.status ELSE 'pending' END`,
          params: [c.id, code, p.id, c.option, p.role, c.text, now],
        })),
      ];
      if (queue) return queue.write({ key: code, statements, stillValid });
      await write(code, statements);
      return true;
    },
    /** A participant's scores, by option then factor. */
    async scoresOf(participantId: string): Promise<Array<{ option: string; factor: string; score: number }>> {
      const row = await db.get<{ scores: string }>('SELECT scores FROM workshop_score_sheets WHERE participant_id = ?', [participantId]);
      return sheetScores(readSheet(row?.scores));
    },
    commentsOf: (participantId: string) => db.all<{ option: string; text: string }>('SELECT option_id AS option, text FROM workshop_comments WHERE participant_id = ? ORDER BY option_id', [participantId]),
    /** Every sheet of the workshop counted by option, factor, role and score, and the participants who scored each option. */
    async tally(code: string): Promise<SheetTally> {
      return tallySheets(await db.all<{ role: Role; scores: string }>('SELECT p.role, s.scores FROM workshop_score_sheets s JOIN workshop_participants p ON p.id = s.participant_id WHERE s.workshop_code = ?', [code]));
    },
    comments: (code: string) => db.all<CommentRow & Record<string, unknown>>('SELECT id, option_id, role, text, status, created_at FROM workshop_comments WHERE workshop_code = ? ORDER BY created_at, id', [code]),
    setCommentStatus: async (code: string, id: string, status: CommentStatus) => {
      const found = await db.get('SELECT id FROM workshop_comments WHERE workshop_code = ? AND id = ?', [code, id]);
      if (found) await write(code, [{ sql: 'UPDATE workshop_comments SET status = ? WHERE workshop_code = ? AND id = ?', params: [status, code, id] }]);
      return Boolean(found);
    },
    setScoringOpen: (code: string, option: string, open: boolean) => settingsWrite(code, [{ sql: 'UPDATE workshop_options SET scoring_open = ? WHERE workshop_code = ? AND id = ?', params: [open ? 1 : 0, code, option] }]),
    setDecision: (code: string, option: string, decision: Decision, reason: string, now: string) =>
      settingsWrite(code, [{ sql: 'UPDATE workshop_options SET decision = ?, decision_reason = ?, decided_at = ? WHERE workshop_code = ? AND id = ?', params: [decision, reason, now, code, option] }]),
    /** Drops options (with their scores and comments), adds new ones and sets every position, in one transaction. */
    editOptions: (code: string, drop: readonly string[], add: ReadonlyArray<{ id: string; title: string; summary: string }>, order: readonly string[]) =>
      settingsWrite(code, [
        ...drop.map((id) => ({ sql: 'UPDATE workshop_score_sheets SET scores = json_remove(scores, ?) WHERE workshop_code = ?', params: [optionPath(id), code] })),
        ...drop.map((id) => ({ sql: 'DELETE FROM workshop_comments WHERE workshop_code = ? AND option_id = ?', params: [code, id] })),
        ...drop.map((id) => ({ sql: 'DELETE FROM workshop_options WHERE workshop_code = ? AND id = ?', params: [code, id] })),
        ...add.map((o) => ({ sql: 'INSERT INTO workshop_options (workshop_code, id, title, summary, easy_read, position) VALUES (?, ?, ?, ?, NULL, 0)', params: [code, o.id, o.title, o.summary] })),
        ...order.map((id, i) => ({ sql: 'UPDATE workshop_options SET position = ? WHERE workshop_code = ? AND id = ?', params: [i + 1, code, id] })),
      ]),
    setStatus: (code: string, status: WorkshopStatus) => settingsWrite(code, [{ sql: 'UPDATE workshops SET status = ? WHERE code = ?', params: [status, code] }]),
    /** Deletes the workshop and everything in it (every table named, not left to ON DELETE CASCADE). */
    async deleteWorkshop(code: string): Promise<void> {
      try {
        await db.batch(['workshop_score_sheets', 'workshop_comments', 'workshop_participants', 'workshop_options', 'workshops'].map((t) => ({ sql: `DELETE FROM ${t} WHERE ${t === 'workshops' ? 'code' : 'workshop_code'} = ?`, params: [code] })));
      } finally {
        generation++;
      }
    },
  };
}

export type WorkshopStore = ReturnType<typeof createWorkshopStore>;
