// What services are handed by the runtime that calls them: the project's data files (read from data/ on Node),
// the Ofsted report reader, the crawler and the pack renderer. Services never touch files or Node-only modules.
import type { ClassifierRules } from '../classify/classify-rules.js';
import type { Correction } from '../classify/curation.js';
import type { RecordProblem } from '../curated/validate-records.js';
import type { TaxonomyIndex } from '../domain/index.js';
import type { ReferenceBundle } from '../domain/reference-bundle.js';
import type { RegistrySource } from '../reference/source-registry.js';
import type { Migration } from '../store/migrate.js';
import type { Store } from '../store/store.js';

/** Raw records from one place: a file (named) or a request's body (no file), with what reading them found wrong. */
export interface RecordBatch {
  file?: string;
  raws: Array<{ line: number; value: unknown }>;
  problems: RecordProblem[];
}

/** What classification reads: the taxonomy, the rules and the researchers' corrections. */
export interface ClassifierInputs {
  taxonomy: TaxonomyIndex;
  rules: ClassifierRules;
  curation: readonly Correction[];
}

/** The data classification and imports read; read afresh on every call, since a researcher may have edited it. */
export interface ClassifierFiles {
  taxonomy(): TaxonomyIndex;
  classifierInputs(): ClassifierInputs;
}

export interface ReportImportResult {
  imported: Array<{ file: string; council_code: string; inspection_id: string; outcome_code: number; findings: number }>;
  /** `area` when the report read but its local area matches no council (it can be imported naming the council). */
  failed: Array<{ file: string; message: string; area?: string }>;
}

/** Everything a database build reads from the project's data. */
export interface BuildFiles extends ClassifierFiles {
  migrations(): Migration[];
  referenceBundle(): ReferenceBundle;
  /** The curated files, each read into records not yet validated. */
  curatedBatches(): RecordBatch[];
  /** The source registry's entry points for these councils. */
  sourceRegistry(councilCodes: ReadonlySet<string>): RegistrySource[];
  /** Reads the shipped area SEND reports into the store. */
  importReports(store: Store): Promise<ReportImportResult>;
  /** A hash of every input the build read, so a server can tell the database is older than the data. */
  fingerprint(): string;
}
