// Projects a Dataset onto a GraphIndex: runs the build phases (project-*.ts) and answers the index's accessors.
import { DataFactory } from "n3";
import type { Dataset } from "../rdf/dataset.ts";
import { prefixes as wellKnownPrefixes } from "../rdf/vocab.ts";
import { EvidenceReader } from "./evidence-reader.ts";
import { languageRanker, literalLanguage, localName } from "./labels.ts";
import { buildCsr } from "./project-csr.ts";
import { attachEvidence } from "./project-evidence.ts";
import { findMetaTerms } from "./project-meta.ts";
import { scanSubjects } from "./project-scan.ts";
import { schemaNodes } from "./project-schema.ts";
import { defaultProjection, type ProjectionConfig } from "./projection-config.ts";
import { termIds } from "./term-flags.ts";
import type { Evidence, GraphIndex, LinkAttribute, LiteralAttribute } from "./types.ts";

export { localName } from "./labels.ts";

/** Builds the GraphIndex of a dataset under the given rules (linear in the number of quads, typed arrays only). */
export function projectGraph(dataset: Dataset, config: ProjectionConfig = defaultProjection): GraphIndex {
  return new ProjectedGraph(dataset, config);
}

class ProjectedGraph implements GraphIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly edgeSources: Uint32Array;
  readonly edgeTargets: Uint32Array;
  readonly edgePredicates: Uint32Array;
  readonly outOffsets: Uint32Array;
  readonly outEdgeIds: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inEdgeIds: Uint32Array;
  readonly nodeClassOffsets: Uint32Array;
  readonly nodeClassTerms: Uint32Array;
  readonly evidenceOffsets: Uint32Array;
  readonly evidenceTerms: Uint32Array;
  readonly edgePredicateTerms: Uint32Array;
  readonly classTermsInUse: Uint32Array;
  readonly unattachedEvidenceCount: number;
  readonly prefixes: Readonly<Record<string, string>>;

  private readonly nodeTerms: Uint32Array;
  /** Node of each term id, or -1. */
  private readonly nodeOfTerm: Int32Array;
  /** The literal term id of each node's label, or -1 (then the local name is the label). */
  private readonly labelTerms: Int32Array;
  private readonly schemaFlags: Uint8Array;
  private readonly metaFlags: Uint8Array;
  private readonly edgeQuads: Uint32Array;
  private readonly rankLanguage: (language: string) => number;
  private readonly altLabelPredicates: Set<number>;
  private readonly descriptionPredicates: number[];
  private readonly linkPredicates: Set<number>;
  private readonly evidenceReader: EvidenceReader;

  constructor(
    readonly dataset: Dataset,
    readonly config: ProjectionConfig,
  ) {
    this.prefixes = { ...wellKnownPrefixes, ...dataset.prefixes };
    this.rankLanguage = languageRanker(config.languages);
    this.altLabelPredicates = new Set(termIds(dataset, config.altLabelPredicates));
    this.descriptionPredicates = config.descriptionPredicates.map((iri) => dataset.terms.iriId(iri));
    this.linkPredicates = new Set(termIds(dataset, config.linkPredicates));
    this.evidenceReader = new EvidenceReader(dataset, config.evidence, (t) => this.nodeByTerm(t), (n) => this.label(n), localName);

    // The table's kind bytes, so hot loops compare bytes instead of strings.
    const kind = dataset.terms.kindCodes();
    const { meta, statementTerms } = findMetaTerms(dataset, config, kind);
    const scan = scanSubjects(dataset, config, kind, meta, statementTerms);
    const csr = buildCsr(scan);
    const evidence = attachEvidence(dataset, config, statementTerms, csr);

    this.metaFlags = meta;
    this.nodeCount = csr.nodeCount;
    this.edgeCount = csr.edgeCount;
    this.nodeTerms = csr.nodeTerms;
    this.nodeOfTerm = csr.nodeOfTerm;
    this.edgeSources = csr.edgeSources;
    this.edgeTargets = csr.edgeTargets;
    this.edgePredicates = csr.edgePredicates;
    this.edgeQuads = csr.edgeQuads;
    this.outOffsets = csr.outOffsets;
    this.outEdgeIds = csr.outEdgeIds;
    this.inOffsets = csr.inOffsets;
    this.inEdgeIds = csr.inEdgeIds;
    this.nodeClassOffsets = csr.nodeClassOffsets;
    this.nodeClassTerms = csr.nodeClassTerms;
    this.labelTerms = csr.labelTerms;
    this.edgePredicateTerms = csr.edgePredicateTerms;
    this.classTermsInUse = csr.classTermsInUse;
    this.schemaFlags = schemaNodes(csr, scan, kind);
    this.evidenceOffsets = evidence.evidenceOffsets;
    this.evidenceTerms = evidence.evidenceTerms;
    this.unattachedEvidenceCount = evidence.unattached;
  }

  nodeTerm(n: number): number {
    return this.nodeTerms[n];
  }

  nodeByTerm(termId: number): number {
    return termId >= 0 && termId < this.nodeOfTerm.length ? this.nodeOfTerm[termId] : -1;
  }

  nodeByIri(iri: string): number {
    const terms = this.dataset.terms;
    const id = iri.startsWith("_:") ? terms.idOf(DataFactory.blankNode(iri.substring(2))) : terms.iriId(iri);
    return this.nodeByTerm(id);
  }

  iri(n: number): string {
    return this.dataset.terms.key(this.nodeTerms[n]);
  }

  label(n: number): string {
    const t = this.labelTerms[n];
    return t >= 0 ? this.dataset.terms.value(t) : localName(this.iri(n));
  }

  altLabels(n: number): string[] {
    const out: string[] = [];
    if (this.altLabelPredicates.size === 0) return out;
    const { predicates, objects } = this.dataset;
    const terms = this.dataset.terms;
    const [from, to] = this.dataset.subjectRange(this.nodeTerms[n]);
    for (let q = from; q < to; q++) {
      if (this.altLabelPredicates.has(predicates[q]) && terms.isLiteral(objects[q])) {
        const value = terms.value(objects[q]);
        if (!out.includes(value)) out.push(value);
      }
    }
    return out;
  }

  description(n: number): string | undefined {
    const { predicates, objects } = this.dataset;
    const terms = this.dataset.terms;
    const [from, to] = this.dataset.subjectRange(this.nodeTerms[n]);
    let best: number | undefined;
    let bestScore = Infinity;
    for (let q = from; q < to; q++) {
      const rank = this.descriptionPredicates.indexOf(predicates[q]);
      if (rank < 0 || !terms.isLiteral(objects[q])) continue;
      const score = this.rankLanguage(literalLanguage(terms.key(objects[q]))) * 256 + rank;
      if (score < bestScore) {
        bestScore = score;
        best = objects[q];
      }
    }
    return best === undefined ? undefined : terms.value(best);
  }

  classes(n: number): number[] {
    return Array.from(this.nodeClassTerms.subarray(this.nodeClassOffsets[n], this.nodeClassOffsets[n + 1]));
  }

  hasClass(n: number, classTerm: number): boolean {
    const terms = this.nodeClassTerms;
    for (let i = this.nodeClassOffsets[n]; i < this.nodeClassOffsets[n + 1]; i++) if (terms[i] === classTerm) return true;
    return false;
  }

  isSchema(n: number): boolean {
    return this.schemaFlags[n] === 1;
  }

  isMetaTerm(termId: number): boolean {
    return this.metaFlags[termId] === 1;
  }

  literals(n: number): LiteralAttribute[] {
    const out: LiteralAttribute[] = [];
    const { predicates, objects } = this.dataset;
    const terms = this.dataset.terms;
    const [from, to] = this.dataset.subjectRange(this.nodeTerms[n]);
    for (let q = from; q < to; q++) {
      const o = objects[q];
      if (!terms.isLiteral(o)) continue;
      if (q > from && predicates[q - 1] === predicates[q] && objects[q - 1] === o) continue;
      out.push({ predicate: predicates[q], value: terms.value(o), language: terms.language(o), datatype: terms.datatype(o) });
    }
    return out;
  }

  links(n: number): LinkAttribute[] {
    const out: LinkAttribute[] = [];
    const { predicates, objects } = this.dataset;
    const terms = this.dataset.terms;
    const [from, to] = this.dataset.subjectRange(this.nodeTerms[n]);
    for (let q = from; q < to; q++) {
      if (!this.linkPredicates.has(predicates[q]) || !terms.isIri(objects[q])) continue;
      if (q > from && predicates[q - 1] === predicates[q] && objects[q - 1] === objects[q]) continue;
      out.push({ predicate: predicates[q], iri: terms.key(objects[q]) });
    }
    return out;
  }

  degree(n: number): number {
    return this.outOffsets[n + 1] - this.outOffsets[n] + this.inOffsets[n + 1] - this.inOffsets[n];
  }

  edgeQuad(e: number): number {
    return this.edgeQuads[e];
  }

  evidence(e: number): Evidence[] {
    const out: Evidence[] = [];
    for (let i = this.evidenceOffsets[e]; i < this.evidenceOffsets[e + 1]; i++) out.push(this.evidenceReader.read(this.evidenceTerms[i]));
    return out;
  }

  edgeDate(e: number): string | undefined {
    let earliest: string | undefined;
    for (const evidence of this.evidence(e)) {
      if (evidence.date !== undefined && (earliest === undefined || evidence.date < earliest)) earliest = evidence.date;
    }
    return earliest;
  }

  termLabel(termId: number): string {
    const n = this.nodeByTerm(termId);
    return n >= 0 ? this.label(n) : localName(this.dataset.terms.key(termId));
  }
}
