// Validates graph data against the project's rules (docs/data-model.md): syntax, SHACL shapes, verbatim quotes, declared terms, evidence.
import { DataFactory, Store } from "n3";
import type * as RDF from "@rdfjs/types";
import { Validator } from "shacl-engine";
import { loadDataset, RdfSyntaxError } from "./parse.ts";
import { kg, oa, owl, prefixes, rdf, rdfs, sh, skos, foaf, schema } from "./vocab.ts";
import { classDeclarations, curie, propertyDeclarations, propertyUsageNotes, termKey, undeclaredTermProblems } from "./validate-terms.ts";
import { quoteProblems } from "./validate-quotes.ts";
import { domainRangeProblems } from "./validate-domains.ts";

export type { Problem, ProblemKind } from "./validate-problem.ts";
import type { Problem } from "./validate-problem.ts";

export interface NamedText {
  name: string;
  text: string;
  /** What the text's relative IRIs resolve against (the CLI gives each file its file: URL). */
  baseIRI?: string;
}

export interface ValidationInput {
  /** The data to check: ontology and graph data (a file declaring an owl:Ontology counts as ontology). */
  files: readonly NamedText[];
  shapes: NamedText;
  /** Cleaned source texts keyed by the `kg:cleanedText` value that names them. */
  sourceTexts: Readonly<Record<string, string>>;
}

export interface ValidationReport {
  problems: Problem[];
  /** Reported but not errors: ontology properties no data triple uses, or only one does; data using deprecated terms. */
  notes: Problem[];
  files: number;
  triples: number;
  /** Evidence quotes compared with their source text. */
  quotesChecked: number;
}

/** Predicates that link to an external description rather than relate two entities: they need no evidence. */
const linkPredicates = new Set([
  skos.exactMatch, skos.closeMatch, owl.sameAs, rdfs.seeAlso, rdfs.isDefinedBy,
  foaf.page, foaf.homepage, schema.url, schema.sameAs,
]);

const { namedNode } = DataFactory;

/** The problems of the data; an empty list means it is valid. */
export async function validateData(input: ValidationInput): Promise<Problem[]> {
  return (await validateDataReport(input)).problems;
}

/** Like validateData, with the counts a "valid" summary reports. */
export async function validateDataReport(input: ValidationInput): Promise<ValidationReport> {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of input.files) {
    const result = await parseFile(file);
    if (result instanceof RdfSyntaxError) problems.push(syntaxProblem(result));
    else parsed.push(result);
  }
  const shapes = await parseFile(input.shapes);
  if (shapes instanceof RdfSyntaxError) problems.push(syntaxProblem(shapes));
  const triples = parsed.reduce((sum, file) => sum + file.quads.length, 0);
  // Semantic checks on partly parsed data would report absences that are only syntax errors in disguise.
  if (problems.length > 0) return { problems, notes: [], files: input.files.length, triples, quotesChecked: 0 };

  const data = new DataIndex(parsed);
  // Appended one by one: push(...list) passes each problem as an argument, and a large graph's hundreds of
  // thousands overflow the call stack.
  const append = (list: readonly Problem[]) => { for (const problem of list) problems.push(problem); };
  append(await shaclProblems(data, (shapes as ParsedFile).quads));
  const quotes = quoteProblems(data, evidenceNodes(data), input.sourceTexts);
  append(quotes.problems);
  append(undeclaredTermProblems(data));
  append(domainRangeProblems(data));
  append(evidenceProblems(data));
  return { problems, notes: [...propertyUsageNotes(data), ...quotes.notes], files: input.files.length, triples, quotesChecked: quotes.checked };
}

/** The `kg:cleanedText` paths the data names, so a caller knows which source texts to read. */
export async function cleanedTextPaths(files: readonly NamedText[]): Promise<string[]> {
  const paths = new Set<string>();
  for (const file of files) {
    const result = await parseFile(file);
    if (result instanceof RdfSyntaxError) continue;
    for (const quad of result.quads) if (quad.predicate.value === kg.cleanedText) paths.add(quad.object.value);
  }
  return [...paths];
}

interface ParsedFile {
  name: string;
  quads: RDF.Quad[];
  isOntology: boolean;
}

/** Files parsed so far in this process: numbers the blank node scopes, since each load labels blank nodes from b0. */
let parsedFiles = 0;

async function parseFile(file: NamedText): Promise<ParsedFile | RdfSyntaxError> {
  try {
    const dataset = await loadDataset([file]);
    const scope = `f${parsedFiles++}_`;
    const local = (term: RDF.Term) => (term.termType === "BlankNode" ? DataFactory.blankNode(scope + term.value) : term);
    const quads = [...dataset.quads()].map((q) =>
      DataFactory.quad(local(q.subject) as RDF.Quad_Subject, q.predicate, local(q.object) as RDF.Quad_Object, local(q.graph) as RDF.Quad_Graph) as RDF.Quad);
    const isOntology = quads.some((q) => q.predicate.value === rdf.type && q.object.value === owl.Ontology);
    return { name: file.name, quads, isOntology };
  } catch (error) {
    if (error instanceof RdfSyntaxError) return error;
    throw error;
  }
}

function syntaxProblem(error: RdfSyntaxError): Problem {
  return { file: error.file, kind: "syntax", message: error.detail, line: error.line, column: error.column };
}

/** All quads in one store, plus which file states each subject. */
class DataIndex {
  readonly store = new Store();
  readonly files: readonly ParsedFile[];
  private readonly fileOfSubject = new Map<string, string>();
  private readonly fileOfObject = new Map<string, string>();
  /** For each subject and predicate, how many of its triples each file states. */
  private readonly filesOfStatement = new Map<string, Map<string, number>>();

  constructor(files: readonly ParsedFile[]) {
    this.files = files;
    for (const file of files) {
      for (const quad of file.quads) {
        this.store.addQuad(quad);
        const subject = termKey(quad.subject);
        if (!this.fileOfSubject.has(subject)) this.fileOfSubject.set(subject, file.name);
        const statementKey = `${subject}\u0000${quad.predicate.value}`;
        let counts = this.filesOfStatement.get(statementKey);
        if (!counts) this.filesOfStatement.set(statementKey, (counts = new Map()));
        counts.set(file.name, (counts.get(file.name) ?? 0) + 1);
        const object = termKey(quad.object);
        if (!this.fileOfObject.has(object)) this.fileOfObject.set(object, file.name);
      }
    }
  }

  /** The file that first states the term as a subject, else as an object, else the first file. */
  fileOf(term: RDF.Term): string {
    const key = termKey(term);
    return this.fileOfSubject.get(key) ?? this.fileOfObject.get(key) ?? this.files[0]?.name ?? "";
  }

  /** The file stating most of the subject's values for the predicate (the likely culprit), else fileOf(subject). */
  fileOfStatement(subject: RDF.Term, predicate: string | undefined): string {
    const counts = predicate === undefined ? undefined : this.filesOfStatement.get(`${termKey(subject)}\u0000${predicate}`);
    if (!counts) return this.fileOf(subject);
    return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  }

  objects(subject: RDF.Term, predicate: string): RDF.Term[] {
    return this.store.getObjects(subject as RDF.Quad_Subject, namedNode(predicate), null);
  }

  isSubject(term: RDF.Term): boolean {
    return this.store.countQuads(term as RDF.Quad_Subject, null, null, null) > 0;
  }
}

// --- SHACL -----------------------------------------------------------------------------------------

const shaclFactory = {
  ...DataFactory,
  dataset: () => new Store(),
};

async function shaclProblems(data: DataIndex, shapeQuads: RDF.Quad[]): Promise<Problem[]> {
  // shacl-engine resolves sh:targetClass and sh:class subclasses in the shapes graph, so give it the class hierarchy.
  const shapes = new Store(shapeQuads);
  shapes.addQuads(data.store.getQuads(null, namedNode(rdfs.subClassOf), null, null));
  const validator = new Validator(shapes, { factory: shaclFactory as never });
  const report = await validator.validate({ dataset: data.store });
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const result of report.results) {
    const focus = result.focusNode.term;
    const path = result.path?.map((step) => step.predicates.map((p) => (step.start === "object" ? "^" : "") + curie(p)).join("|")).join("/");
    const text = result.message.map((m) => m.value).join("; ") || `violates ${curie(result.constraintComponent)}`;
    const severity = result.severity.value === prefixes.sh + "Violation" ? "" : `${curie(result.severity)}: `;
    const value = result.value ? ` (value ${curie(result.value.term)})` : "";
    const message = `${severity}${path ? `${path}: ` : ""}${text}${value}`;
    const key = `${termKey(focus)}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const step = result.path?.length === 1 && result.path[0].start === "subject" ? result.path[0].predicates[0]?.value : undefined;
    problems.push({ file: data.fileOfStatement(focus, step), subject: termKey(focus), kind: "shacl", message });
  }
  return problems;
}

// --- evidence --------------------------------------------------------------------------------------

/** Resources described as reified statements (rdf:subject/predicate/object) or carrying a quote selector. */
function evidenceNodes(data: DataIndex): RDF.Term[] {
  const nodes = new Map<string, RDF.Term>();
  for (const predicate of [rdf.subject, rdf.predicate, rdf.object, oa.hasSelector, kg.quote]) {
    for (const subject of data.store.getSubjects(namedNode(predicate), null, null)) nodes.set(termKey(subject), subject);
  }
  return [...nodes.values()];
}

function evidenceProblems(data: DataIndex): Problem[] {
  const problems: Problem[] = [];
  const evidence = evidenceNodes(data);
  const meta = new Set(evidence.map(termKey));
  // Selectors and other blank nodes hanging off evidence are part of the evidence, not entities.
  for (const node of evidence) {
    for (const quad of data.store.getQuads(node as RDF.Quad_Subject, null, null, null)) {
      if (quad.object.termType === "BlankNode") meta.add(termKey(quad.object));
    }
  }
  const covered = new Set<string>();
  for (const node of evidence) {
    const [s, p, o] = [rdf.subject, rdf.predicate, rdf.object].map((predicate) => data.objects(node, predicate));
    const report = (message: string) =>
      problems.push({ file: data.fileOf(node), subject: termKey(node), kind: "dangling-evidence", message });
    if (s.length !== 1 || p.length !== 1 || o.length !== 1) {
      report(`evidence needs exactly one rdf:subject, rdf:predicate and rdf:object (has ${s.length}, ${p.length}, ${o.length})`);
      continue;
    }
    const stated = p[0].termType === "NamedNode" &&
      data.store.countQuads(s[0] as RDF.Quad_Subject, p[0] as RDF.Quad_Predicate, o[0] as RDF.Quad_Object, null) > 0;
    if (stated) covered.add(tripleKey(s[0], p[0], o[0]));
    else report(`describes ${curie(s[0])} ${curie(p[0])} ${curie(o[0])}, which the data does not state`);
  }

  const schemaTypes = new Set([...classDeclarations, ...propertyDeclarations, owl.Ontology, sh.NodeShape, sh.PropertyShape, rdfs.Datatype]);
  const isSchema = (term: RDF.Term) => data.objects(term, rdf.type).some((type) => schemaTypes.has(type.value));
  const isEntity = (term: RDF.Term) =>
    (term.termType === "NamedNode" || term.termType === "BlankNode") && !meta.has(termKey(term)) &&
    (term.termType === "BlankNode" || term.value.startsWith(prefixes.kgr) || data.isSubject(term));
  for (const file of data.files) {
    if (file.isOntology) continue;
    for (const quad of file.quads) {
      if (quad.predicate.value === rdf.type || linkPredicates.has(quad.predicate.value)) continue;
      if (!isEntity(quad.subject) || !isEntity(quad.object) || isSchema(quad.subject)) continue;
      if (covered.has(tripleKey(quad.subject, quad.predicate, quad.object))) continue;
      problems.push({
        file: file.name,
        subject: termKey(quad.subject),
        kind: "missing-evidence",
        message: `${curie(quad.subject)} ${curie(quad.predicate)} ${curie(quad.object)} has no evidence node (rdf:Statement with a quote)`,
      });
    }
  }
  return problems;
}

function tripleKey(s: RDF.Term, p: RDF.Term, o: RDF.Term): string {
  return `${termKey(s)}\u0000${p.value}\u0000${termKey(o)}`;
}
