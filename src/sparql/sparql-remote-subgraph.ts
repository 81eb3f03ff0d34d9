// The fetched part of a store: bounded, paged SELECTs gather a node's triples and their evidence into a local Dataset.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import { DatasetBuilder, type Dataset } from "../rdf/dataset.ts";
import { oa, prefixes as wellKnownPrefixes, rdf, rdfs } from "../rdf/vocab.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import { projectGraph } from "../graph/project.ts";
import type { GraphIndex } from "../graph/types.ts";
import type { Direction } from "../query/neighbourhood.ts";
import { SparqlEndpointError, type SparqlBinding, type SparqlEndpoint } from "./sparql-endpoint.ts";
import { iriRef } from "./sparql-query.ts";
import { iris, type RemoteOptions } from "./sparql-remote-common.ts";
import { ResponseTerms } from "./sparql-remote-terms.ts";
import { linkFilterClauses, type LinkFilter } from "./sparql-remote-link-filter.ts";

const linkPredicates = new Set(defaultProjection.linkPredicates);

/** Filters out `?s` that are evidence statements, which point at entities (rdf:subject, rdf:object) without being links. */
export const NOT_A_STATEMENT = `FILTER NOT EXISTS { ?s ${iriRef(rdf.subject)} ?statedSubject }`;

/**
 * The fetched part of a store: quads gathered by bounded, paged SELECT queries (never CONSTRUCT, whose blank node
 * labels are per response), with the bookkeeping of which nodes were expanded which way and described.
 */
export class RemoteSubgraph {
  private readonly quads: RDF.Quad[] = [];
  private readonly quadKeys = new Set<string>();
  private readonly expandedOut = new Set<string>();
  private readonly expandedIn = new Set<string>();
  private readonly linkedOut = new Set<string>();
  private readonly linkedIn = new Set<string>();
  /** Triples (s p o keys) whose evidence was asked for by evidenceOf. */
  private readonly evidenceAsked = new Set<string>();
  private readonly described = new Set<string>();
  private readonly typed = new Set<string>();
  /** IRIs met as subjects or objects of relations, as predicates, classes or evidence sources: to describe. */
  private readonly mentioned = new Set<string>();
  private readonly terms = new ResponseTerms();
  /** Classes met (rdf:type objects, superclasses), and those whose superclasses were asked for. */
  private readonly classes = new Set<string>();
  private readonly classesAsked = new Set<string>();
  private readonly pageSize: number;
  private readonly batchSize: number;
  private readonly maxRows: number;
  rows = 0;
  truncated = false;

  /** `walkFilter`: what expandLinks and bridge fetch, filtered by the store (one filter a subgraph, so "linked" means the same throughout). */
  constructor(readonly endpoint: SparqlEndpoint, readonly options: RemoteOptions = {}, readonly walkFilter?: LinkFilter) {
    this.pageSize = options.pageSize ?? 1000;
    this.batchSize = options.batchSize ?? 40;
    this.maxRows = options.maxRows ?? 50_000;
  }

  get size(): number {
    return this.quads.length;
  }

  /**
   * Runs `SELECT vars WHERE { body } ORDER BY vars` page by page (LIMIT/OFFSET), until a short page, the row budget
   * (which sets `truncated`) or `onRows` returning false.
   */
  async selectPaged(vars: string, body: string, onRows: (rows: SparqlBinding[]) => boolean | void): Promise<void> {
    for (let offset = 0; ; offset += this.pageSize) {
      if (this.rows >= this.maxRows) {
        this.truncated = true;
        return;
      }
      const page = Math.min(this.pageSize, this.maxRows - this.rows);
      const query = `SELECT ${vars} WHERE {\n${body}\n}\nORDER BY ${vars}\nLIMIT ${page}${offset > 0 ? ` OFFSET ${offset}` : ""}`;
      let result: Awaited<ReturnType<SparqlEndpoint["select"]>>;
      try {
        result = await this.endpoint.select(query, { signal: this.options.signal, maxRows: page });
      } catch (error) {
        // Some stores refuse deep pages of a sorted result (Virtuoso sorts at most 10 000 rows): keep what came.
        if (offset > 0 && error instanceof SparqlEndpointError && error.kind === "http") {
          this.truncated = true;
          return;
        }
        throw error;
      }
      this.rows += result.bindings.length;
      this.options.onRows?.(this.rows);
      if (onRows(result.bindings) === false || result.bindings.length < page) return;
      if (page < this.pageSize) {
        this.truncated = true;
        return;
      }
    }
  }

  private async inBatches(nodes: Iterable<string>, run: (batch: string[]) => Promise<void>, until = () => false): Promise<void> {
    const list = [...nodes];
    for (let i = 0; i < list.length && !this.truncated && !until(); i += this.batchSize) await run(list.slice(i, i + this.batchSize));
  }

  /** `mention`: false for the links a walk fetches, whose nodes are described only when the answer keeps them. */
  private add(s: RDF.Term | undefined, p: RDF.Term | undefined, o: RDF.Term | undefined, mention = true): void {
    if (s === undefined || p === undefined || o === undefined) return;
    if (s.termType === "Literal" || p.termType !== "NamedNode") return;
    const key = `${s.termType}:${s.value}|${p.value}|${o.termType}:${o.value}:${(o as RDF.Literal).language ?? ""}:${(o as RDF.Literal).datatype?.value ?? ""}`;
    if (this.quadKeys.has(key)) return;
    this.quadKeys.add(key);
    this.quads.push(DataFactory.quad(s as RDF.Quad_Subject, p as RDF.Quad_Predicate, o as RDF.Quad_Object));
    if (!mention) {
      if (p.value === rdf.type && o.termType === "NamedNode") this.classes.add(o.value);
      return;
    }
    if (o.termType === "NamedNode") {
      if (p.value === rdf.type || p.value === rdfs.subClassOf) {
        this.mentioned.add(o.value);
        this.classes.add(o.value);
      }
      else if (!linkPredicates.has(p.value)) this.mentioned.add(o.value);
    }
    if (s.termType === "NamedNode") this.mentioned.add(s.value);
    this.mentioned.add(p.value);
  }

  /** Keeps fetched ?s ?p ?o rows, noting in `reached` the nodes at their far end (`far`) that relations lead to. */
  private keeper(reached: Set<string>, mention: boolean) {
    return (rows: SparqlBinding[], scope: string, far: "s" | "o") => {
      for (const row of rows) {
        const p = row.p?.value;
        this.add(this.terms.term(row.s, scope), this.terms.term(row.p, scope), this.terms.term(row.o, scope), mention);
        const other = row[far];
        if (other?.type === "uri" && p !== rdf.type && !linkPredicates.has(p ?? "")) reached.add(other.value);
      }
    };
  }

  /**
   * Fetches every triple of the nodes in the given direction (out: the node is the subject; in: the object, evidence
   * statements excepted), and the evidence of those triples. Returns the IRIs of the nodes they lead to.
   */
  async expand(nodes: Iterable<string>, direction: Direction): Promise<Set<string>> {
    const reached = new Set<string>();
    const out = direction !== "in" ? [...nodes].filter((n) => !this.expandedOut.has(n)) : [];
    const into = direction !== "out" ? [...nodes].filter((n) => !this.expandedIn.has(n)) : [];
    const keep = this.keeper(reached, true);
    await this.inBatches(out, async (batch) => {
      for (const n of batch) this.expandedOut.add(n);
      await this.selectPaged("?s ?p ?o", `VALUES ?s { ${iris(batch)} }\n?s ?p ?o .`, (rows) => keep(rows, "out", "o"));
      await this.fetchEvidence(batch, "subject");
      for (const n of batch) this.described.add(n);
    });
    await this.inBatches(into, async (batch) => {
      for (const n of batch) this.expandedIn.add(n);
      // Evidence statements point at entities too (rdf:subject, prov:wasDerivedFrom): they are fetched as evidence.
      await this.selectPaged("?s ?p ?o", `VALUES ?o { ${iris(batch)} }\n?s ?p ?o .\n${NOT_A_STATEMENT}`, (rows) => keep(rows, "in", "s"));
      await this.fetchEvidence(batch, "object");
    });
    return reached;
  }

  /**
   * Only the links of the nodes in the given direction: their triples whose object is not a literal (rdf:type
   * included, which class filters and schema nodes need), no evidence and no labels: what path and neighbourhood
   * walks fetch, where expand's evidence (a reified statement and its selector for each relation) and the labels of
   * every node reached spent the row budget at a hub. Returns the IRIs of the nodes they lead to.
   */
  async expandLinks(nodes: Iterable<string>, direction: Direction, enough?: (reached: ReadonlySet<string>) => boolean): Promise<Set<string>> {
    const reached = new Set<string>();
    const done = () => enough?.(reached) === true;
    const out = direction !== "in" ? [...nodes].filter((n) => !this.linkedOut.has(n)) : [];
    const into = direction !== "out" ? [...nodes].filter((n) => !this.linkedIn.has(n)) : [];
    const keep = this.keeper(reached, false);
    // A batch cut by `enough` is not marked linked: asked again, it is fetched again.
    const walk = async (batch: string[], linked: Set<string>, body: string, scope: string, far: "s" | "o") => {
      await this.selectPaged("?s ?p ?o", body, (rows) => {
        keep(rows, scope, far);
        return !done();
      });
      if (!done()) for (const n of batch) linked.add(n);
    };
    await this.inBatches(out, (batch) => walk(batch, this.linkedOut, `VALUES ?s { ${iris(batch)} }\n?s ?p ?o .\nFILTER(!isLiteral(?o))${linkFilterClauses(this.walkFilter, "?o")}`, "links out", "o"), done);
    await this.inBatches(into, (batch) => walk(batch, this.linkedIn, `VALUES ?o { ${iris(batch)} }\n?s ?p ?o .\n${NOT_A_STATEMENT}${linkFilterClauses(this.walkFilter, "?s")}`, "links in", "s"), done);
    return reached;
  }

  /**
   * The links between the nodes of `named` and those of `others`, in `direction` as seen from `named` (out: named
   * nodes are subjects): what joins two frontiers of a path search without expanding either. `named` is named whole
   * in each query (keep it small), `others` `batch` at a time: few rows answer such a join, so batches can be large.
   */
  async bridge(named: readonly string[], others: readonly string[], direction: Direction, batch = this.batchSize): Promise<void> {
    const keep = this.keeper(new Set(), false);
    for (let i = 0; i < others.length && !this.truncated; i += batch) {
      const part = iris(others.slice(i, i + batch));
      const out = `{ VALUES ?s { ${iris(named)} } VALUES ?o { ${part} } ?s ?p ?o .${linkFilterClauses(this.walkFilter, "?o")} }`;
      const into = `{ VALUES ?s { ${part} } VALUES ?o { ${iris(named)} } ?s ?p ?o .${linkFilterClauses(this.walkFilter, "?s")} }`;
      const body = direction === "out" ? out : direction === "in" ? into : `${out} UNION ${into}`;
      await this.selectPaged("?s ?p ?o", body, (rows) => keep(rows, "bridge", "o"));
    }
  }

  /** The reified statements (with their selectors) of exactly these triples (IRIs), each asked for once. */
  async evidenceOf(triples: readonly (readonly [string, string, string])[]): Promise<void> {
    const pending = triples.filter(([s, p, o]) => !this.evidenceAsked.has(`${s} ${p} ${o}`));
    for (const [s, p, o] of pending) this.evidenceAsked.add(`${s} ${p} ${o}`);
    for (let i = 0; i < pending.length && !this.truncated; i += this.batchSize) {
      const rows = pending.slice(i, i + this.batchSize).map((triple) => `(${triple.map(iriRef).join(" ")})`).join(" ");
      const stated = `?st ${iriRef(rdf.subject)} ?s ; ${iriRef(rdf.predicate)} ?p ; ${iriRef(rdf.object)} ?o .`;
      await this.readEvidence(`VALUES (?s ?p ?o) { ${rows} }\n${stated}`);
    }
  }

  /** The reified statements (with their selectors) whose rdf:subject or rdf:object is one of the nodes. */
  private async fetchEvidence(nodes: string[], role: "subject" | "object"): Promise<void> {
    const link = role === "subject" ? rdf.subject : rdf.object;
    await this.readEvidence(`VALUES ?n { ${iris(nodes)} }\n?st ${iriRef(link)} ?n .`);
  }

  /** The statements `?st` that `match` binds, each with its triples and its selector's. */
  private async readEvidence(match: string): Promise<void> {
    const body = `${match}\n{ ?st ?f ?v } UNION { ?st ${iriRef(oa.hasSelector)} ?sel . ?sel ?f ?v }`;
    await this.selectPaged("?st ?sel ?f ?v", body, (rows) => {
      for (const row of rows) {
        // A statement's triples all come here: describing it again would only repeat them.
        this.described.add(row.st.value);
        const statement = this.terms.term(row.st, "evidence");
        if (row.sel !== undefined) {
          const selector = this.terms.term(row.sel, `selector ${row.st.value}`);
          this.add(statement, DataFactory.namedNode(oa.hasSelector), selector);
          this.add(selector, this.terms.term(row.f, "evidence"), this.terms.term(row.v, `selector ${row.st.value}`));
        } else if (!(row.f.value === oa.hasSelector && row.v.type === "bnode")) {
          this.add(statement, this.terms.term(row.f, "evidence"), this.terms.term(row.v, "evidence"));
        }
      }
    });
  }

  /** Labels, descriptions and classes (literal and rdf:type triples) of every mentioned IRI not yet expanded outwards. */
  async describeMentioned(): Promise<void> {
    const pending = [...this.mentioned].filter((iri) => !this.described.has(iri));
    await this.describe(pending);
  }

  /** Only the rdf:type triples of the nodes not described yet: what a class filter needs of every node reached. */
  async types(nodes: Iterable<string>): Promise<void> {
    const pending = [...nodes].filter((iri) => !this.described.has(iri) && !this.typed.has(iri));
    await this.inBatches(pending, async (batch) => {
      for (const n of batch) this.typed.add(n);
      await this.selectPaged("?s ?o", `VALUES ?s { ${iris(batch)} }\n?s ${iriRef(rdf.type)} ?o .`, (rows) => {
        for (const row of rows) this.add(this.terms.term(row.s, "types"), DataFactory.namedNode(rdf.type), this.terms.term(row.o, "types"), false);
      });
    });
  }

  async describe(nodes: Iterable<string>): Promise<void> {
    const pending = [...nodes].filter((iri) => !this.described.has(iri));
    await this.inBatches(pending, async (batch) => {
      for (const n of batch) this.described.add(n);
      const body = `VALUES ?s { ${iris(batch)} }\n?s ?p ?o .\nFILTER(isLiteral(?o) || ?p = ${iriRef(rdf.type)})`;
      await this.selectPaged("?s ?p ?o", body, (rows) => {
        for (const row of rows) this.add(this.terms.term(row.s, "describe"), this.terms.term(row.p, "describe"), this.terms.term(row.o, "describe"));
      });
    });
  }

  /**
   * The rdfs:subClassOf triples above every class met, up to the top (one batched query per level): what tells
   * the kinds of event (subclasses of prov:Activity) that explanations read as sentences.
   */
  async superclasses(): Promise<void> {
    for (let pending = [...this.classes].filter((c) => !this.classesAsked.has(c)); pending.length > 0 && !this.truncated; pending = [...this.classes].filter((c) => !this.classesAsked.has(c))) {
      for (const c of pending) this.classesAsked.add(c);
      await this.inBatches(pending, async (batch) => {
        await this.selectPaged("?s ?o", `VALUES ?s { ${iris(batch)} }\n?s ${iriRef(rdfs.subClassOf)} ?o .\nFILTER(isIRI(?o))`, (rows) => {
          for (const row of rows) this.add(this.terms.term(row.s, "classes"), DataFactory.namedNode(rdfs.subClassOf), this.terms.term(row.o, "classes"));
        });
      });
    }
  }

  /** The fetched quads as a Dataset, with the well-known prefixes for CURIEs and Turtle. */
  dataset(): Dataset {
    const builder = new DatasetBuilder(undefined, Math.max(1024, this.quads.length));
    builder.addPrefixes(wellKnownPrefixes);
    for (const quad of this.quads) builder.addQuad(quad);
    return builder.freeze();
  }

  graph(): GraphIndex {
    return projectGraph(this.dataset());
  }
}
