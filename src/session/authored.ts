// The analyst's additions and rejected candidates as session state (issue 17): named, undoable steps, not data loads.
import type { StepAction } from "./act.ts";
import type { EdgeTriple } from "./actions.ts";
import type { SessionState } from "./types.ts";

/** Caps on what a session keeps (also documented in docs/session-format.md). */
export const AUTHORED_LIMITS = { maxAdditions: 1_000, maxRejected: 5_000, maxTurtle: 16 * 1024 * 1024 } as const;

/**
 * One addition in the data at a step: a source opened or a relation authored. Its Turtle is kept once, in the
 * `recorded.turtle` of the step that added it (and by the page that made it); the state names it by its hash, so
 * every undo snapshot stays small and undo/redo can rebuild the data from the additions the snapshot lists.
 */
export interface AuthoredRef {
  kind: "source" | "relation";
  /** The source's IRI, or the relation's evidence IRI. */
  iri: string;
  /** Lower-case hex SHA-256 of the addition's Turtle (UTF-8). */
  sha256: string;
  /** For people: the source's title, "Huawei – supplies – Kenya". */
  label: string;
}

/** A candidate relation the analyst rejected: not offered again for the same text. */
export interface RejectedCandidate {
  /** SHA-256 of the source's text: the same words in another version of the text are offered again. */
  source: string;
  quote: string;
  subject: string;
  predicate: string;
  object: string;
}

/** How an addition came about, for its History label. */
export type AdditionKind = "accept" | "relation" | "source";

export const authoredOf = (state: SessionState): readonly AuthoredRef[] => state.authored ?? [];
export const rejectedOf = (state: SessionState): readonly RejectedCandidate[] => state.rejected ?? [];

const sameCandidate = (a: RejectedCandidate, b: RejectedCandidate) =>
  a.source === b.source && a.quote === b.quote && a.subject === b.subject && a.predicate === b.predicate && a.object === b.object;

/** Whether the state remembers this candidate as rejected. */
export function isRejected(state: SessionState, candidate: RejectedCandidate): boolean {
  return rejectedOf(state).some((r) => sameCandidate(r, candidate));
}

/** "Huawei – supplies – Kenya". */
export const tripleLabel = (subject: string, predicate: string, object: string): string => `${subject} – ${predicate} – ${object}`;

const LABEL_PREFIX: Record<AdditionKind, string> = { accept: "Accept relation", relation: "New relation", source: "Add source" };

export const authoringActions = {
  /**
   * An addition the data now holds: the step lists it in `state.authored` and records its Turtle, so that undo takes
   * it out of the data and redo (also after a reload, from the session file) puts it back.
   */
  addition(kind: AdditionKind, ref: AuthoredRef, turtle: string, triple?: EdgeTriple): StepAction {
    const clean: AuthoredRef = { kind: ref.kind, iri: ref.iri, sha256: ref.sha256, label: ref.label };
    return {
      action: { kind: "author", params: { op: kind, iri: ref.iri, sha256: ref.sha256 } },
      label: `${LABEL_PREFIX[kind]}: ${ref.label}`,
      recorded: { nodes: triple ? [triple.source, triple.target] : [ref.iri], edges: triple ? [triple] : [], turtle },
      state: (s) => (authoredOf(s).some((a) => a.sha256 === ref.sha256) ? s : { ...s, authored: [...authoredOf(s), clean] }),
    };
  },
  /** The analyst rejected a candidate: remembered (per text, quote and relation) so reopening the source does not offer it again. */
  rejectCandidate(candidate: RejectedCandidate, label: string): StepAction {
    const c: RejectedCandidate = { source: candidate.source, quote: candidate.quote, subject: candidate.subject, predicate: candidate.predicate, object: candidate.object };
    return {
      action: { kind: "reject-candidate", params: c },
      label: `Reject candidate: ${label}`,
      state: (s) => (isRejected(s, c) ? s : { ...s, rejected: [...rejectedOf(s), c] }),
    };
  },
};
