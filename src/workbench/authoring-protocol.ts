// The messages of evidence-first authoring between the page and the data worker (the "author" request).
import type { ExtractedSource } from "../session/source-extract.ts";
import type { SourceMeta } from "../session/source-model.ts";

/** A relation's end: a node of the graph, or a new entity of a class with a label. */
export type AuthorEnd = { iri: string } | { classIri: string; label: string };

/** A source as the page shows it: what the graph says about it and its text. */
export interface AuthoredSource extends SourceMeta {
  text: string;
}

export interface MentionView {
  start: number;
  end: number;
  iri: string;
  label: string;
}

export interface PredicateView {
  iri: string;
  label: string;
  fits: boolean;
}

export interface CandidateView {
  subject: string;
  subjectLabel: string;
  object: string;
  objectLabel: string;
  predicates: PredicateView[];
  known: string[];
  quote: string;
  start: number;
  end: number;
  pages: number[];
  locator?: string;
}

export interface RelationRequest {
  /** The source's IRI (a source in the data, with its text). */
  source: string;
  subject: AuthorEnd;
  predicate: string;
  object: AuthorEnd;
  quote: string;
  start: number;
  end: number;
  locator?: string;
  by: string;
  status: "accepted" | "proposed";
}

export type AuthorRequest =
  | { op: "analyse"; source: string }
  | { op: "fit"; subject: AuthorEnd; object: AuthorEnd }
  | { op: "classes" }
  | { op: "sources" }
  | { op: "add-source"; extracted: ExtractedSource; fileName: string }
  | { op: "add-relation"; relation: RelationRequest }
  | { op: "changes"; texts: string[] };

/**
 * A Turtle file to load as the analyst's addition (its name says what it holds), or why it was refused. `label` names
 * it in History ("Huawei – supplies – Kenya", a source's title); `triple` is a relation's.
 */
export type Addition =
  | { ok: true; name: string; turtle: string; iri: string; summary: string; label: string; triple?: { source: string; predicate: string; target: string } }
  | { ok: false; problems: string[] };

export interface AuthorReplies {
  analyse: { mentions: MentionView[]; candidates: CandidateView[] };
  fit: PredicateView[];
  classes: { iri: string; label: string }[];
  sources: AuthoredSource[];
  "add-source": Addition;
  "add-relation": Addition;
  changes: string;
}
