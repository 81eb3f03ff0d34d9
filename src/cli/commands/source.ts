// kg source: add a source (text, HTML, PDF) with its metadata, list the sources, print a source's candidate relations.
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "../command.ts";
import { print, printJson, warn } from "../command.ts";
import { UsageError, intOption, listOption, stringOption, flag } from "../args.ts";
import type { AuthoringContext } from "../authoring-context.ts";

const actions = ["add", "list", "mentions", "import-changes"] as const;

export const sourceCommand: Command = {
  spec: {
    name: "source",
    summary: "add a source (text, HTML, PDF), list the sources, print a source's candidate relations, import a changeset",
    arguments: "<add|list|mentions|import-changes> [<file>|<source>]",
    minPositionals: 1,
    maxPositionals: 2,
    details: `kg source add <file|URL> (a path, a file: URL, or an http(s) URL) reads a plain text (.txt), HTML (.html) or PDF (.pdf) file, stores its text (PDF: page by
page, pages separated by form feeds) as sources/<slug>.txt and states the source (a kg:Publication and
prov:Entity: title, authors, publisher, date, licence, sha256 of the text, format, kg:cleanedText) in
authored.ttl, both in the store: graph-data/ (so every kg command sees it) or --into DIR. Title, authors and
date come from the file (PDF metadata, HTML <title> and <meta name=author|date>, a text's first line) unless
given. A file whose text was added before is refused. The addition is validated with the SHACL shapes first.
An http(s) URL is fetched (at most 50 MB, within --timeout seconds, default 30); its content type says whether it
is text, HTML or PDF (the URL's extension when the server says application/octet-stream), and the URL is stored
as the source's location (dcterms:identifier, typed xsd:anyURI). A URL with a user name or password, or with a query parameter that looks
like a credential (key, token, secret, ...), is refused: the location is data anyone can read. A file: URL names
a local file; its path is not stored (it means nothing on another machine).

kg source list prints every source the graph names (the bundled brief and its catalogue record among them).

kg source mentions <source> finds the labels and alternative labels of known entities in the source's text and
prints the sentences naming two or more of them as candidate relations, ranked (a fitting predicate, not yet in
the graph, names close together), each with its quote, page and a kg relation add line to accept it. Nothing
enters the graph until you run that line (or your edit of it). It does not remember rejections: a candidate you
did not accept is printed again next time (the workbench remembers rejections in its session). --json prints
{"source","mentions":[{"text","start","end","nodes"}],"candidates":[{"subject","object","predicates","known",
"quote","start","end","prefix","suffix","pages","locator","score"}]}.

kg source import-changes <file> merges a changeset (the workbench's Export changes, or another store's
authored.ttl with its sources/ beside it) into the store: it refuses the whole changeset, listing each, when
evidence repeats evidence the data has (same relation, source and quote), when an IRI is described otherwise
(a label, a source's text or hash, an evidence's relation), when a source's text is missing, or when the data
with the changeset does not validate; then sources' texts go to sources/ and the triples to authored.ttl.

With --into DIR, kg commands other than source and relation see the added data when given it:
kg path A B --data ontology/*.ttl graph-data/*.ttl DIR/authored.ttl.

Examples:
  kg source add report.pdf --publisher "EUISS" --licence https://creativecommons.org/licenses/by/4.0/
  kg source mentions "Towards Urban Decoupling? China’s smart city ambitions at the time of Covid-19"
  kg source add notes.html --into my-changes/ && kg source mentions kgr:source-notes --into my-changes/`,
    options: {
      title: { type: "string", value: "TEXT", help: "add: the source's title (default: from the file)" },
      author: { type: "string", value: "NAME", list: true, help: "add: an author (repeatable; default: from the file)" },
      publisher: { type: "string", value: "NAME", help: "add: the publisher" },
      date: { type: "string", value: "DATE", help: "add: publication date, YYYY, YYYY-MM or YYYY-MM-DD" },
      licence: { type: "string", value: "IRI|TEXT", help: "add: a licence IRI, or a rights statement" },
      into: { type: "string", value: "DIR", help: "the store: where authored.ttl and sources/ are (default graph-data/)" },
      limit: { type: "string", value: "N", help: "mentions: candidates to print (default 20)" },
      timeout: { type: "string", value: "S", help: "add: seconds to wait for a URL's answer (default 30)" },
      json: { type: "boolean", help: "print JSON (mentions, list)" },
    },
  },

  async run(parsed, context) {
    const [action, target] = parsed.positionals;
    if (!(actions as readonly string[]).includes(action)) throw new UsageError(`kg source: unknown action ${JSON.stringify(action)}; expected add, list, mentions or import-changes`, "source");
    if (action !== "list" && target === undefined) throw new UsageError(`kg source ${action}: name the ${action === "mentions" ? "source" : "file"}`, "source");
    // A file: URL names a local file too (kg source add file:///reports/x.pdf).
    let file = target;
    try {
      if (action === "add" && target.startsWith("file:")) file = fileURLToPath(target);
    } catch {
      throw new UsageError(`kg source add: ${JSON.stringify(target)} is not a file: URL of a local file`, "source");
    }
    if (action === "import-changes" && !existsSync(target)) throw new UsageError(`kg source import-changes: cannot read ${JSON.stringify(target)}: no such file`, "source");
    const url = action === "add" && /^https?:/i.test(target);
    if (action === "add" && !url && !existsSync(file)) throw new UsageError(`kg source add: cannot read ${JSON.stringify(target)}: no such file`, "source");
    const { authoringContext } = await import("../authoring-context.ts");
    const ctx = await authoringContext(stringOption(parsed, "into"), context);
    if (action === "list") return listSources(ctx, flag(parsed, "json"));
    if (action === "import-changes") return (await import("../source-import.ts")).importChanges(ctx, target);
    if (action === "mentions") return printMentions(ctx, target, intOption(parsed, "source", "limit", 20), flag(parsed, "json"));
    return addSource(ctx, file, parsed.values, url ? intOption(parsed, "source", "timeout", 30) : undefined);
  },
};

/** Adds the source; `timeoutS` set: `file` is an http(s) URL, fetched (source-fetch.ts) and kept as the location. */
async function addSource(ctx: AuthoringContext, file: string, values: Record<string, unknown>, timeoutS?: number): Promise<number> {
  const [{ readSourceFile, SourceReadError }, { newSource, sourceQuads, dateDatatype, describeSource }, { writeToStore }, { validateAddition }] = await Promise.all([
    import("../source-read.ts"), import("../../session/source-model.ts"), import("../source-store.ts"), import("../../session/authoring-validate.ts"),
  ]);
  const { curieOf, validationInput } = await import("../authoring-context.ts");
  let read;
  try {
    read = timeoutS === undefined ? await readSourceFile(file) : await (await import("../source-fetch.ts")).fetchSource(file, { timeoutMs: timeoutS * 1000 });
  } catch (error) {
    if (error instanceof SourceReadError) throw new UsageError(`kg source add: ${error.message}`, "source");
    throw error;
  }
  if (!read.text.trim()) {
    warn(`kg source add: ${file} has no text (a scanned PDF needs OCR first); nothing added`);
    return 1;
  }
  const given = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const authors = listOption({ values: values as never, positionals: [] }, "author");
  const fileDate = read.date && dateDatatype(read.date) ? read.date : undefined;
  let source;
  try {
    source = newSource({
      title: given("title") ?? read.title ?? basename(file), authors: authors.length ? authors : (read.authors ?? []),
      publisher: given("publisher"), date: given("date") ?? fileDate, licence: given("licence"), format: read.format, text: read.text,
      ...("location" in read && typeof read.location === "string" ? { location: read.location } : {}),
    }, (slug) => ctx.graph.dataset.terms.iriId(ctx.graph.prefixes.kgr + slug) >= 0 || existsSync(join(ctx.store.dir, "sources", `${slug}.txt`)));
  } catch (error) {
    throw new UsageError(`kg source add: ${(error as Error).message}`, "source");
  }
  const same = ctx.sources.find((s) => s.sha256 === source.sha256);
  if (same) {
    warn(`kg source add: this text was added before, as ${same.title} (${curieOf(ctx.graph, same.iri)}); nothing added`);
    return 1;
  }
  const quads = sourceQuads(source);
  const input = await validationInput(ctx, quads);
  const problems = await validateAddition({ ...input, sourceTexts: { ...input.sourceTexts, [source.textPath]: source.text } }, quads);
  if (problems.length > 0) {
    for (const problem of problems) print(`${problem.kind}: ${problem.message}`);
    warn(`kg source add: ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing added`);
    return 1;
  }
  const written = await writeToStore(ctx.store, quads, [{ path: source.textPath, text: source.text }]);
  print(`added ${curieOf(ctx.graph, source.iri)}: ${describeSource(source, source.text)}`);
  print(`  sha256 ${source.sha256}, ${source.text.length} characters (${source.format})`);
  print(`  text: ${join(ctx.store.dir, source.textPath)}; metadata: ${written}`);
  if (source.location) print(`  location: ${source.location}`);
  print(`next: kg source mentions ${curieOf(ctx.graph, source.iri)}${ctx.store.bundled ? "" : ` --into ${ctx.store.dir}`}`);
  return 0;
}

async function listSources(ctx: AuthoringContext, json: boolean): Promise<number> {
  const [{ describeSource }, { curieOf }] = await Promise.all([import("../../session/source-model.ts"), import("../authoring-context.ts")]);
  if (json) {
    printJson({ sources: ctx.sources });
    return 0;
  }
  for (const source of ctx.sources) print(`${curieOf(ctx.graph, source.iri)}  ${describeSource(source)}  [${source.textPath}]`);
  print(`${ctx.sources.length} source${ctx.sources.length === 1 ? "" : "s"}`);
  return 0;
}

async function printMentions(ctx: AuthoringContext, name: string, limit: number, json: boolean): Promise<number> {
  const [{ findMentions, nameDictionary }, { candidateRelations }, { predicateSchema }] = await Promise.all([
    import("../../query/mentions.ts"), import("../../query/candidates.ts"), import("../../query/predicate-fit.ts"),
  ]);
  const { curieOf, sourceNamed } = await import("../authoring-context.ts");
  const { source, text } = await sourceNamed(ctx, name, "source");
  const { graph } = ctx;
  const dictionary = nameDictionary(graph);
  const mentions = findMentions(dictionary, text);
  const candidates = candidateRelations(graph, predicateSchema(graph), dictionary, text, { limit });
  if (json) {
    printJson({
      source: source.iri,
      mentions: mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, nodes: m.nodes.map((n) => graph.iri(n)) })),
      candidates: candidates.map((c) => ({
        subject: graph.iri(c.subject), object: graph.iri(c.object), predicates: c.predicates.map((p) => ({ iri: p.iri, label: p.label, fits: p.fits })),
        known: c.known, quote: c.quote, start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix, pages: c.pages, locator: c.locator, score: c.score,
      })),
    });
    return 0;
  }
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(graph.label(m.nodes[0]), (counts.get(graph.label(m.nodes[0])) ?? 0) + 1);
  print(`${source.title}: ${mentions.length} mentions of ${counts.size} known entities`);
  print(`  ${[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, n]) => `${label} ×${n}`).join(", ")}`);
  print(candidates.length === 0 ? "no sentence names two known entities" : `\n${candidates.length} candidate relations, best first (nothing is added until you run a line):`);
  const into = ctx.store.bundled ? "" : ` --into ${shellQuote(ctx.store.dir)}`;
  candidates.forEach((c, i) => {
    const best = c.predicates[0];
    const where = [c.pages.length ? `p. ${c.pages.join(", ")}` : "", c.locator ?? ""].filter(Boolean).join(", ");
    print(`\n${i + 1}. ${graph.label(c.subject)} —${best ? best.label : "?"}${best && !best.fits ? " (does not fit)" : ""}→ ${graph.label(c.object)}${where ? `  (${where})` : ""}`);
    print(`   “${c.quote}”`);
    print(`   predicates: ${c.predicates.map((p) => p.label + (p.fits ? "" : " (does not fit)")).join(", ")}${c.known.length ? `; already related: ${c.known.join(", ")}` : ""}`);
    const page = c.pages.length === 1 ? ` --page ${c.pages[0]}` : "";
    print(`   kg relation add --source ${curieOf(graph, source.iri)} --quote ${shellQuote(c.quote)} ${curieOf(graph, graph.iri(c.subject))} ${best ? curieOf(graph, best.iri) : "PREDICATE"} ${curieOf(graph, graph.iri(c.object))}${page} --at ${c.start}${into}`);
  });
  return 0;
}

/** A shell word: single-quoted, with single quotes inside written as '\''. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
