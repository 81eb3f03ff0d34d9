// kg sparql's graph answer from an endpoint written as it arrives: parsed with n3 and written again as Turtle or N-Triples piece by piece, to stdout or an -o file (all or nothing), so its size has no cap.
import { EventEmitter } from "node:events";
import { Parser, Writer, type Quad } from "n3";
import { SparqlEndpointError, type GraphStream } from "../sparql/sparql-answer.ts";
import { warn } from "./command.ts";
import { plural, thousands } from "./format.ts";
import { Progress } from "./progress.ts";
import { writeStreamedAnswer, type StreamedOutput } from "./streamed-answer-output.ts";

export type GraphFormat = "turtle" | "ntriples";

export interface GraphStreamOptions extends Pick<StreamedOutput, "output" | "stopReason"> {
  format: GraphFormat;
  /** Names to abbreviate IRIs with (Turtle); only those the answer uses are declared, each before its first use. */
  prefixes: Readonly<Record<string, string>>;
  /** The endpoint as shown in messages. */
  source: string;
  /** What relative IRIs in a Turtle answer resolve against (the endpoint's URL). */
  baseIRI?: string;
}

const xsdString = "http://www.w3.org/2001/XMLSchema#string";
const langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
const rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/** Writes the answer as it arrives; returns the exit code, or throws a SparqlEndpointError that says what became of the output. */
export async function printGraphStream(answer: GraphStream, options: GraphStreamOptions): Promise<number> {
  const counts = { triples: 0 };
  const progress = new Progress();
  const pieces = convert(answer, options, counts, progress);
  const failed = await writeStreamedAnswer(pieces, { ...options, visible: true, written: () => ({ count: counts.triples, noun: "triple" }), cancel: answer.cancel });
  if (failed !== 0) return failed;
  progress.done(`kg sparql: ${plural(counts.triples, "triple")} received in ${progress.elapsedSeconds.toFixed(1)} s`);
  if (options.output !== undefined) warn(`wrote ${plural(counts.triples, "triple")} as ${options.format} to ${options.output}`);
  return 0;
}

/**
 * The answer's text parsed (N-Triples, or Turtle, which covers text/plain's N-Triples too) and written in the format
 * asked, one output piece for each piece that arrived: nothing is kept but the writer's current statement.
 */
async function* convert(answer: GraphStream, options: GraphStreamOptions, counts: { triples: number }, progress: Progress): AsyncGenerator<string> {
  const out: string[] = [];
  const sink = {
    write(text: string, _encoding?: string, done?: () => void) {
      out.push(text);
      done?.();
    },
    end(done?: () => void) {
      done?.();
    },
  };
  const turtle = options.format === "turtle";
  const writer = new Writer(sink as never, { format: turtle ? "Turtle" : "N-Triples" });
  const prefixes = turtle ? new PrefixDeclarer(writer, options.prefixes) : undefined;
  // Turtle groups a subject's triples only when they are neighbours, and an endpoint sends them in any order:
  // each batch is sorted (an answer of up to `turtleBatch` triples wholly), memory staying bounded.
  const batch: Quad[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    batch.sort(byStatement);
    prefixes?.declareFor(batch);
    for (const quad of batch) writer.addQuad(quad);
    batch.length = 0;
  };
  const input = new EventEmitter();
  let failure: Error | undefined;
  const format = /n-triples/.test(answer.contentType) ? "N-Triples" : "Turtle";
  new Parser({ format, baseIRI: options.baseIRI }).parse(
    input as never,
    (error: Error | null, quad: Quad | null) => {
      if (failure !== undefined) return;
      if (error) failure = error;
      else if (quad) {
        if (turtle) batch.push(quad);
        else writer.addQuad(quad);
        counts.triples++;
      }
    },
    (name: string, iri: { value: string }) => prefixes?.offer(name, iri.value),
  );
  const malformed = (error: Error) => new SparqlEndpointError(`query/sparql: malformed answer from ${options.source}: ${error.message.replace(/\.$/, "")}`, "malformed", options.source);
  for await (const text of answer.chunks) {
    input.emit("data", text);
    // The triples before a bad one go out first, so the count in the message is what was printed.
    if (batch.length >= turtleBatch || failure !== undefined) flush();
    if (out.length > 0) yield out.splice(0).join("");
    if (failure !== undefined) throw malformed(failure);
    progress.update(`kg sparql: ${thousands(counts.triples)} triples received${progress.rate(counts.triples, "triples")}…`);
  }
  input.emit("end");
  flush();
  if (failure === undefined) writer.end();
  if (out.length > 0) yield out.splice(0).join("");
  if (failure !== undefined) throw malformed(failure);
}

/** Triples sorted together for Turtle: about 10 MB of n3's quad objects. */
const turtleBatch = 20_000;

/** By subject, then rdf:type first (written "a", as kg's own Turtle does), then predicate and object. */
function byStatement(a: Quad, b: Quad): number {
  if (a.subject.id !== b.subject.id) return a.subject.id < b.subject.id ? -1 : 1;
  const aType = a.predicate.value === rdfType, bType = b.predicate.value === rdfType;
  if (aType !== bType) return aType ? -1 : 1;
  if (a.predicate.value !== b.predicate.value) return a.predicate.value < b.predicate.value ? -1 : 1;
  return a.object.id < b.object.id ? -1 : a.object.id > b.object.id ? 1 : 0;
}

/**
 * Declares a prefix just before the first batch of triples that uses it, so a streamed Turtle answer names only the
 * prefixes it needs without being read twice. Only namespaces ending in / or # are offered: the writer abbreviates a name only
 * when its local part holds neither, so the IRI up to its last / or # finds the one prefix that can apply.
 */
class PrefixDeclarer {
  /** Namespace IRI → name, not declared yet. */
  private readonly pending = new Map<string, string>();
  private readonly names = new Set<string>();

  constructor(private readonly writer: Writer, prefixes: Readonly<Record<string, string>>) {
    for (const [name, iri] of Object.entries(prefixes)) this.offer(name, iri);
  }

  /** A prefix the writer may use, unless its name or namespace is taken (kg's own come first; then the answer's). */
  offer(name: string, iri: string): void {
    if (!/^([A-Za-z][\w.-]*)?$/.test(name) || !/[/#]$/.test(iri) || this.names.has(name) || this.pending.has(iri)) return;
    this.names.add(name);
    this.pending.set(iri, name);
  }

  /** Declares, in one block, the prefixes the triples use that are not declared yet. */
  declareFor(quads: readonly Quad[]): void {
    const found: Record<string, string> = {};
    for (const quad of quads) {
      if (this.pending.size === 0) break;
      this.check(quad.subject.termType === "NamedNode" ? quad.subject.value : undefined, found);
      // rdf:type is written "a".
      if (quad.predicate.value !== rdfType) this.check(quad.predicate.value, found);
      const object = quad.object;
      if (object.termType === "NamedNode") this.check(object.value, found);
      else if (object.termType === "Literal" && object.datatype.value !== xsdString && object.datatype.value !== langString) this.check(object.datatype.value, found);
    }
    const names = Object.keys(found).sort();
    if (names.length > 0) this.writer.addPrefixes(Object.fromEntries(names.map((name) => [name, found[name]])));
  }

  private check(iri: string | undefined, found: Record<string, string>): void {
    if (iri === undefined) return;
    const namespace = iri.slice(0, Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#")) + 1);
    const name = this.pending.get(namespace);
    if (name === undefined) return;
    this.pending.delete(namespace);
    found[name] = namespace;
  }
}
