// A Dataset as plain data (strings and typed arrays) and back, so a loaded graph can be stored and restored without parsing.
import { Dataset } from "./dataset.ts";
import { TermTable, type TermTableSnapshot } from "./terms.ts";

/** Bumped whenever the shape below or the meaning of a term id changes, so older snapshots are not restored. */
export const DATASET_SNAPSHOT_FORMAT = 1;

export interface DatasetSnapshot {
  format: number;
  terms: TermTableSnapshot;
  prefixes: Record<string, string>;
  subjects: Uint32Array;
  predicates: Uint32Array;
  objects: Uint32Array;
  graphs: Uint32Array;
  subjectStart: Uint32Array;
}

/** The dataset's columns and term table as they are (no copies): structured-clone and v8.serialize friendly. */
export function datasetSnapshot(dataset: Dataset): DatasetSnapshot {
  return {
    format: DATASET_SNAPSHOT_FORMAT,
    terms: dataset.terms.toSnapshot(),
    prefixes: { ...dataset.prefixes },
    subjects: dataset.subjects,
    predicates: dataset.predicates,
    objects: dataset.objects,
    graphs: dataset.graphs,
    subjectStart: dataset.subjectStart,
  };
}

/**
 * The dataset a snapshot describes, or undefined when the value is not a snapshot of this format or its parts
 * disagree (a stale or damaged cache must fall back to parsing, never yield a wrong graph).
 */
export function datasetFromSnapshot(value: unknown): Dataset | undefined {
  if (!isSnapshot(value)) return undefined;
  return new Dataset(TermTable.fromSnapshot(value.terms), value.prefixes, value.subjects, value.predicates, value.objects, value.graphs, value.subjectStart);
}

function isSnapshot(value: unknown): value is DatasetSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<DatasetSnapshot>;
  if (v.format !== DATASET_SNAPSHOT_FORMAT || !v.terms || typeof v.prefixes !== "object" || v.prefixes === null) return false;
  const { keys, codes, nextBlank, index } = v.terms;
  if (!Array.isArray(keys) || keys[0] !== "" || !keys.every((key) => typeof key === "string")) return false;
  if (!(codes instanceof Uint8Array) || codes.length !== keys.length || !Number.isInteger(nextBlank)) return false;
  if (!index || !(index.slots instanceof Int32Array) || index.slots.length !== 2 * (index.mask + 1) || index.count !== keys.length) return false;
  const columns = [v.subjects, v.predicates, v.objects, v.graphs];
  if (!columns.every((column) => column instanceof Uint32Array && column.length === v.subjects!.length)) return false;
  if (!(v.subjectStart instanceof Uint32Array) || v.subjectStart.length > keys.length + 1 || v.subjectStart.length === 0) return false;
  if (v.subjectStart[v.subjectStart.length - 1] !== v.subjects!.length) return false;
  // Every id must name a term of the table, or a later lookup would read past it.
  return columns.every((column) => column!.every((id) => id < keys.length));
}
