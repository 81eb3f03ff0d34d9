// Projects a Dataset onto a GraphIndex: entity nodes, predicate-keyed edges in CSR typed arrays, evidence attached to edges.
import { DataFactory } from "n3";
import type { Dataset } from "../rdf/dataset.ts";
import { KIND_BLANK, KIND_DEFAULT_GRAPH, KIND_LITERAL } from "../rdf/terms.ts";
import { prefixes as wellKnownPrefixes, rdf } from "../rdf/vocab.ts";
import { EvidenceReader } from "./evidence-reader.ts";
import { defaultProjection, type ProjectionConfig } from "./projection-config.ts";
import type { Evidence, GraphIndex, LinkAttribute, LiteralAttribute } from "./types.ts";

const enum PredicateRole {
  Ordinary = 0,
  Type = 1,
  Link = 2,
}

/** Builds the GraphIndex of a dataset under the given rules (linear in the number of quads, typed arrays only). */
export function projectGraph(dataset: Dataset, config: ProjectionConfig = defaultProjection): GraphIndex {
  return new ProjectedGraph(dataset, config);
}

/** The local name of an IRI (after the last `#`, `/` or `:`), or a blank node's label; the IRI itself when empty. */
export function localName(key: string): string {
  if (key.startsWith("_:")) return key.substring(2);
  const trimmed = key.replace(/[#/]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("#"), trimmed.lastIndexOf("/"), trimmed.lastIndexOf(":"));
  const local = cut >= 0 ? trimmed.substring(cut + 1) : trimmed;
  if (local === "") return key;
  try {
    return decodeURIComponent(local);
  } catch {
    return local;
  }
}

/** The language tag of an N3 literal key (`"x"@en`), lower case, or "" when untagged or typed. */
function literalLanguage(key: string): string {
  const close = key.lastIndexOf('"');
  return key.charCodeAt(close + 1) === 64 /* @ */ ? key.substring(close + 2).toLowerCase() : "";
}

/** Rank of a literal's language under the preference list (lower is better). */
function languageRanker(preferences: readonly string[]): (language: string) => number {
  return (language) => {
    for (let i = 0; i < preferences.length; i++) {
      const want = preferences[i];
      if (want === "*") return i;
      if (want === "" ? language === "" : language === want || language.startsWith(want + "-")) return i;
    }
    return preferences.length;
  };
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
    const terms = dataset.terms;
    const termCount = terms.size;
    const quadCount = dataset.size;
    const S = dataset.subjects, P = dataset.predicates, O = dataset.objects;
    const subjectStart = dataset.subjectStart;
    const idOf = (iri: string) => terms.iriId(iri);
    const idsOf = (iris: readonly string[]) => iris.map(idOf).filter((id) => id >= 0);
    // Per-term flags for the hot loops: a byte read instead of a Set lookup per quad.
    const flagsOf = (iris: readonly string[]) => {
      const flags = new Uint8Array(termCount);
      for (const id of idsOf(iris)) flags[id] = 1;
      return flags;
    };

    this.prefixes = { ...wellKnownPrefixes, ...dataset.prefixes };
    this.rankLanguage = languageRanker(config.languages);
    this.altLabelPredicates = new Set(idsOf(config.altLabelPredicates));
    this.descriptionPredicates = config.descriptionPredicates.map(idOf);
    this.linkPredicates = new Set(idsOf(config.linkPredicates));
    this.evidenceReader = new EvidenceReader(dataset, config.evidence, (t) => this.nodeByTerm(t), (n) => this.label(n), localName);

    // The table's kind bytes, so hot loops compare bytes instead of strings.
    const kind = terms.kindCodes();

    const role = new Uint8Array(termCount);
    const typeId = idOf(rdf.type);
    for (const id of this.linkPredicates) role[id] = PredicateRole.Link;
    if (typeId >= 0) role[typeId] = PredicateRole.Type;
    const ignored = new Uint8Array(termCount);
    for (const id of idsOf(config.ignoredObjects)) ignored[id] = 1;
    const labelRank = new Uint8Array(termCount); // 0: not a label predicate; else 1 + position
    config.labelPredicates.forEach((iri, i) => {
      const id = idOf(iri);
      if (id >= 0 && labelRank[id] === 0) labelRank[id] = i + 1;
    });

    // Meta: reified statements, then blank nodes that only meta resources refer to (selectors), transitively.
    const meta = new Uint8Array(termCount);
    const isMetaPredicate = flagsOf(config.metaPredicates);
    const metaStack: number[] = [];
    if (idsOf(config.metaPredicates).length > 0) {
      for (let q = 0; q < quadCount; q++) {
        if (isMetaPredicate[P[q]] === 1 && meta[S[q]] === 0) {
          meta[S[q]] = 1;
          metaStack.push(S[q]);
        }
      }
    }
    const statementTerms = metaStack.slice();
    if (metaStack.length > 0) {
      const refs = new Uint32Array(termCount);
      for (let q = 0; q < quadCount; q++) if (kind[O[q]] === KIND_BLANK) refs[O[q]]++;
      const metaRefs = new Uint32Array(termCount);
      while (metaStack.length > 0) {
        const m = metaStack.pop()!;
        for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) {
          const o = O[q];
          if (kind[o] === KIND_BLANK && meta[o] === 0 && ++metaRefs[o] === refs[o]) {
            meta[o] = 1;
            metaStack.push(o);
          }
        }
      }
    }
    this.metaFlags = meta;

    // Nodes: every non-meta subject first (in term order, so out-edges come out grouped by node), then edge objects.
    const nodeOfTerm = new Int32Array(termCount).fill(-1);
    const nodeTerms = new Uint32Array(termCount);
    let nodeCount = 0;
    for (let t = 1; t < termCount; t++) {
      if (subjectStart[t + 1] > subjectStart[t] && meta[t] === 0 && kind[t] !== KIND_LITERAL) {
        nodeOfTerm[t] = nodeCount;
        nodeTerms[nodeCount++] = t;
      }
    }
    const subjectNodeCount = nodeCount;

    const edgeSources = new Uint32Array(quadCount);
    const edgeTargets = new Uint32Array(quadCount);
    const edgePredicates = new Uint32Array(quadCount);
    const edgeQuads = new Uint32Array(quadCount);
    const outOffsets = new Uint32Array(termCount + 1);
    const classOffsets = new Uint32Array(subjectNodeCount + 1);
    const classTerms = new Uint32Array(quadCount);
    const labelTerms = new Int32Array(subjectNodeCount).fill(-1);
    const isPredicate = new Uint8Array(termCount);
    let edgeCount = 0;
    let classCount = 0;
    const isSchemaClass = flagsOf(config.schemaClasses);
    const isSchemaSubjectPredicate = flagsOf(config.schemaSubjectPredicates);
    const isSchemaObjectPredicate = flagsOf(config.schemaObjectPredicates);
    const schemaTerms = new Uint8Array(termCount);
    const classUsed = new Uint8Array(termCount);

    const labelScore = (literal: number, predicate: number) =>
      this.rankLanguage(literalLanguage(terms.key(literal))) * 256 + labelRank[predicate];
    for (let n = 0; n < subjectNodeCount; n++) {
      const s = nodeTerms[n];
      outOffsets[n] = edgeCount;
      classOffsets[n] = classCount;
      let bestLabelScore = Infinity, firstLabelPredicate = -1;
      let lastP = -1, lastO = -1;
      for (let q = subjectStart[s]; q < subjectStart[s + 1]; q++) {
        const p = P[q], o = O[q];
        isPredicate[p] = 1;
        if (p === lastP && o === lastO) continue; // the same triple in another graph
        lastP = p;
        lastO = o;
        if (isSchemaSubjectPredicate[p] === 1) schemaTerms[s] = 1;
        const k = kind[o];
        if (role[p] === PredicateRole.Type) {
          if (k !== KIND_LITERAL) {
            classTerms[classCount++] = o;
            classUsed[o] = 1;
            if (isSchemaClass[o] === 1) schemaTerms[s] = 1;
          }
          continue;
        }
        if (k === KIND_LITERAL) {
          if (labelRank[p] !== 0) {
            // Most nodes have one label: rank candidates (reading their keys) only once a second one turns up.
            if (labelTerms[n] < 0) {
              labelTerms[n] = o;
              firstLabelPredicate = p;
            } else {
              if (bestLabelScore === Infinity) bestLabelScore = labelScore(labelTerms[n], firstLabelPredicate);
              const score = labelScore(o, p);
              if (score < bestLabelScore) {
                bestLabelScore = score;
                labelTerms[n] = o;
              }
            }
          }
          continue;
        }
        if (role[p] === PredicateRole.Link || meta[o] === 1 || ignored[o] === 1 || k === KIND_DEFAULT_GRAPH) continue;
        let target = nodeOfTerm[o];
        if (target < 0) {
          target = nodeOfTerm[o] = nodeCount;
          nodeTerms[nodeCount++] = o;
        }
        if (isSchemaObjectPredicate[p] === 1) schemaTerms[o] = 1;
        edgeSources[edgeCount] = n;
        edgeTargets[edgeCount] = target;
        edgePredicates[edgeCount] = p;
        edgeQuads[edgeCount] = q;
        edgeCount++;
      }
      // Sorted class ids make hasClass a binary search and output deterministic.
      if (classCount - classOffsets[n] > 1) classTerms.subarray(classOffsets[n], classCount).sort();
    }
    classOffsets[subjectNodeCount] = classCount;
    for (let n = subjectNodeCount; n <= nodeCount; n++) outOffsets[n] = edgeCount;
    // Meta subjects' predicates count too (a schema node that is only used in reification is still a property).
    for (const m of statementTerms) for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) isPredicate[P[q]] = 1;

    this.nodeCount = nodeCount;
    this.edgeCount = edgeCount;
    this.nodeTerms = nodeTerms.slice(0, nodeCount);
    this.nodeOfTerm = nodeOfTerm;
    this.edgeSources = edgeSources.slice(0, edgeCount);
    this.edgeTargets = edgeTargets.slice(0, edgeCount);
    this.edgePredicates = edgePredicates.slice(0, edgeCount);
    this.edgeQuads = edgeQuads.slice(0, edgeCount);
    this.outOffsets = outOffsets.slice(0, nodeCount + 1);
    // Edges were numbered source by source, so the out-edge list is the identity permutation.
    const outEdgeIds = new Uint32Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) outEdgeIds[e] = e;
    this.outEdgeIds = outEdgeIds;

    // Object-only nodes have no classes and no labels of their own.
    const nodeClassOffsets = new Uint32Array(nodeCount + 1);
    nodeClassOffsets.set(classOffsets);
    nodeClassOffsets.fill(classCount, subjectNodeCount);
    this.nodeClassOffsets = nodeClassOffsets;
    this.nodeClassTerms = classTerms.slice(0, classCount);
    const allLabels = new Int32Array(nodeCount).fill(-1);
    allLabels.set(labelTerms);
    this.labelTerms = allLabels;

    // In-edges by a counting sort on targets.
    const inOffsets = new Uint32Array(nodeCount + 1);
    for (let e = 0; e < edgeCount; e++) inOffsets[this.edgeTargets[e] + 1]++;
    for (let n = 0; n < nodeCount; n++) inOffsets[n + 1] += inOffsets[n];
    const inEdgeIds = new Uint32Array(edgeCount);
    const cursor = inOffsets.slice(0, nodeCount);
    for (let e = 0; e < edgeCount; e++) inEdgeIds[cursor[this.edgeTargets[e]]++] = e;
    this.inOffsets = inOffsets;
    this.inEdgeIds = inEdgeIds;

    // Schema: typed as schema, defined by schema predicates, used as a class or as a predicate; then blank nodes
    // (restrictions, lists) that only schema nodes point to.
    const schema = new Uint8Array(nodeCount);
    for (let n = 0; n < nodeCount; n++) {
      const t = this.nodeTerms[n];
      if (schemaTerms[t] || classUsed[t] || isPredicate[t]) schema[n] = 1;
    }
    const blankRefs = new Uint32Array(nodeCount);
    for (let e = 0; e < edgeCount; e++) {
      const target = this.edgeTargets[e];
      if (kind[this.nodeTerms[target]] === KIND_BLANK) blankRefs[target]++;
    }
    const schemaStack: number[] = [];
    for (let n = 0; n < nodeCount; n++) if (schema[n]) schemaStack.push(n);
    const schemaRefs = new Uint32Array(nodeCount);
    while (schemaStack.length > 0) {
      const n = schemaStack.pop()!;
      for (let i = this.outOffsets[n]; i < this.outOffsets[n + 1]; i++) {
        const target = this.edgeTargets[i];
        if (schema[target] === 0 && blankRefs[target] > 0 && ++schemaRefs[target] === blankRefs[target]) {
          schema[target] = 1;
          schemaStack.push(target);
        }
      }
    }
    this.schemaFlags = schema;

    // Evidence: each reified statement attaches to the edge with the same subject, predicate and object.
    const stmt = config.statement;
    const subjectP = idOf(stmt.subject), predicateP = idOf(stmt.predicate), objectP = idOf(stmt.object);
    const pairEdges: number[] = [];
    const pairTerms: number[] = [];
    let unattached = 0;
    statementTerms.sort((a, b) => a - b);
    for (const m of statementTerms) {
      let s = -1, p = -1, o = -1;
      for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) {
        if (P[q] === subjectP && s < 0) s = O[q];
        else if (P[q] === predicateP && p < 0) p = O[q];
        else if (P[q] === objectP && o < 0) o = O[q];
      }
      const e = s >= 0 && p >= 0 && o >= 0 ? this.findEdge(s, p, o) : -1;
      if (e < 0) {
        unattached++;
        continue;
      }
      pairEdges.push(e);
      pairTerms.push(m);
    }
    const evidenceOffsets = new Uint32Array(edgeCount + 1);
    for (const e of pairEdges) evidenceOffsets[e + 1]++;
    for (let e = 0; e < edgeCount; e++) evidenceOffsets[e + 1] += evidenceOffsets[e];
    const evidenceTerms = new Uint32Array(pairEdges.length);
    const evidenceCursor = evidenceOffsets.slice(0, edgeCount);
    for (let i = 0; i < pairEdges.length; i++) evidenceTerms[evidenceCursor[pairEdges[i]]++] = pairTerms[i];
    this.evidenceOffsets = evidenceOffsets;
    this.evidenceTerms = evidenceTerms;
    this.unattachedEvidenceCount = unattached;

    // Flags per term rather than a Set: one byte write per edge, and the ids come out sorted.
    const edgePredicateUsed = new Uint8Array(termCount);
    for (let e = 0; e < edgeCount; e++) edgePredicateUsed[this.edgePredicates[e]] = 1;
    const predicateIds: number[] = [];
    for (let t = 0; t < termCount; t++) if (edgePredicateUsed[t]) predicateIds.push(t);
    this.edgePredicateTerms = Uint32Array.from(predicateIds);
    const classIds: number[] = [];
    for (let t = 0; t < termCount; t++) if (classUsed[t]) classIds.push(t);
    this.classTermsInUse = Uint32Array.from(classIds);
  }

  /** The edge (s p o) by binary search in s's out-edges (sorted by predicate, then object term), or -1. */
  private findEdge(s: number, p: number, o: number): number {
    const n = this.nodeOfTerm[s];
    if (n < 0) return -1;
    let lo = this.outOffsets[n], hi = this.outOffsets[n + 1];
    const targets = this.edgeTargets, predicates = this.edgePredicates, nodeTerms = this.nodeTerms;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mp = predicates[mid], mo = nodeTerms[targets[mid]];
      if (mp < p || (mp === p && mo < o)) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.outOffsets[n + 1] && predicates[lo] === p && nodeTerms[targets[lo]] === o ? lo : -1;
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
