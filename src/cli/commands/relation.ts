// kg relation add: states a relation with its evidence (a verbatim quote of a source), validated before it is written.
import type { Command } from "../command.ts";
import { print, warn } from "../command.ts";
import { UsageError, intOption, stringOption } from "../args.ts";
import type { NewEntity, RelationDraft } from "../../session/authoring.ts";

export const relationCommand: Command = {
  spec: {
    name: "relation",
    summary: "add a relation with its evidence: a verbatim quote of a source, who stated it and when",
    arguments: "add <subject> <predicate> <object>",
    minPositionals: 4,
    maxPositionals: 4,
    details: `kg relation add --source S --quote "…" SUBJECT PREDICATE OBJECT states SUBJECT PREDICATE OBJECT with an
evidence node: the source (prov:wasDerivedFrom), the quote (oa:TextQuoteSelector with oa:prefix/oa:suffix and an
oa:TextPositionSelector), its section (kg:locator: --locator, else the heading above the quote, else its page),
its page(s) (kg:page), who (prov:wasAttributedTo a prov:Agent with foaf:name: --by, or KG_ANALYST set once in
the environment), when (prov:generatedAtTime) and its status (--status accepted, the default, adds
dcterms:dateAccepted; proposed does not). The quote must be verbatim in the source's text; when it occurs more
than once, --page and --at OFFSET say which. Subject and object are names as kg path takes them, or new entities:
--subject-class / --object-class CLASS make SUBJECT / OBJECT the label of a new entity of that class. The
predicate is an object property of the ontology (CURIE, label or local name); when its domain or range does not
fit, the fitting ones are listed. The data with the addition is validated (SHACL shapes, quotes, declared terms,
evidence) and nothing is written unless it is valid; then it goes to the store's authored.ttl (graph-data/, or
--into DIR), where kg path finds it.

Exit codes: 0 added, 1 refused (the problems are listed), 2 wrong arguments or unknown names.

Examples:
  kg relation add --source kgr:source-my-report --quote "Huawei supplied cameras to Nairobi" \\
      kgr:huawei kg:suppliesTo "Nairobi City County" --object-class kg:GovernmentBody --by "Ana Lyst"
  kg relation add --source "My report" --quote "DJI" --page 2 DJI promotes "Digital Silk Road"`,
    options: {
      source: { type: "string", value: "SOURCE", help: "the source the quote is from (label, CURIE or IRI)" },
      quote: { type: "string", value: "TEXT", help: "the exact words of the source that state the relation" },
      page: { type: "string", value: "N", help: "the page the quote is on, when it occurs more than once" },
      at: { type: "string", value: "OFFSET", help: "a character offset inside the occurrence meant" },
      locator: { type: "string", value: "TEXT", help: "the section heading (default: the heading above the quote)" },
      by: { type: "string", value: "NAME", help: "who states it (default: $KG_ANALYST)" },
      status: { type: "string", value: "accepted|proposed", help: "default accepted" },
      "subject-class": { type: "string", value: "CLASS", help: "SUBJECT is the label of a new entity of this class" },
      "object-class": { type: "string", value: "CLASS", help: "OBJECT is the label of a new entity of this class" },
      into: { type: "string", value: "DIR", help: "the store (default graph-data/)" },
    },
  },

  async run(parsed, context) {
    const [action, subjectName, predicateName, objectName] = parsed.positionals;
    if (action !== "add") throw new UsageError(`kg relation: unknown action ${JSON.stringify(action)}; expected add`, "relation");
    const sourceName = stringOption(parsed, "source");
    const quote = stringOption(parsed, "quote");
    if (sourceName === undefined || quote === undefined) throw new UsageError("kg relation add: --source and --quote are required", "relation");
    const by = stringOption(parsed, "by") ?? process.env.KG_ANALYST;
    if (!by?.trim()) throw new UsageError("kg relation add: say who states it: --by NAME, or set KG_ANALYST once in your environment", "relation");
    const status = stringOption(parsed, "status") ?? "accepted";
    if (status !== "accepted" && status !== "proposed") throw new UsageError(`kg relation add: --status is accepted or proposed, got ${JSON.stringify(status)}`, "relation");
    const page = parsed.values.page === undefined ? undefined : intOption(parsed, "relation", "page", 1);
    const at = parsed.values.at === undefined ? undefined : intOption(parsed, "relation", "at", 0, 0);

    const [{ resolveNode, resolveTerm }, { predicateSchema, rankPredicates, nodeClassIris }, authoring, { writeToStore }, on] = await Promise.all([
      import("../../query/names.ts"), import("../../query/predicate-fit.ts"), import("../../session/authoring.ts"), import("../source-store.ts"),
      import("../authoring-context.ts"),
    ]);
    const { authoringContext, curieOf, predicateNamed, sourceNamed, validationInput } = on;
    const ctx = await authoringContext(stringOption(parsed, "into"), context);
    const { graph } = ctx;
    const { source, text } = await sourceNamed(ctx, sourceName, "relation");
    const taken = (iri: string) => graph.dataset.terms.iriId(iri) >= 0;
    const entities: NewEntity[] = [];
    const end = (name: string, classOption: string): { iri: string; classes: string[] } => {
      const className = stringOption(parsed, classOption);
      if (className === undefined) {
        const node = resolveNode(graph, name);
        return { iri: graph.iri(node), classes: nodeClassIris(graph, node) };
      }
      const classIri = graph.dataset.terms.value(resolveTerm(graph, className, "class"));
      const entity = { iri: authoring.entityIri(name, (iri) => taken(iri) || entities.some((e) => e.iri === iri)), classIri, label: name.trim() };
      entities.push(entity);
      return { iri: entity.iri, classes: [classIri] };
    };
    const subject = end(subjectName, "subject-class");
    const object = end(objectName, "object-class");
    const schema = predicateSchema(graph);
    const ranked = rankPredicates(schema, subject.classes, object.classes);
    const fitting = ranked.filter((p) => p.fits && p.specific).slice(0, 8).map((p) => `${curieOf(graph, p.iri)} (${p.label})`).join(", ");
    const predicate = predicateNamed(graph, schema, predicateName);
    if (!predicate) throw new UsageError(`kg relation add: no object property named ${JSON.stringify(predicateName)}; those that fit: ${fitting || "none"}`, "relation");
    if (!ranked.find((p) => p.iri === predicate)?.fits) warn(`kg relation add: ${curieOf(graph, predicate)}'s domain or range does not fit; those that fit: ${fitting || "none"}`);

    let place;
    try {
      place = authoring.placeQuote(text, quote, { page, at });
    } catch (error) {
      if (!(error instanceof authoring.AuthoringError)) throw error;
      warn(`kg relation add: ${error.message}; nothing added`);
      return 1;
    }
    const draft: RelationDraft = {
      subject: subject.iri, predicate, object: object.iri, source: source.iri, quote, place,
      locator: stringOption(parsed, "locator") ?? place.heading ?? (place.pages.length ? `p. ${place.pages.join(", ")}` : source.title),
      by: by.trim(), at: new Date().toISOString(), status,
    };
    const refused = (problems: readonly string[]) => {
      for (const problem of problems) print(problem);
      warn(`kg relation add: ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing added`);
      return 1;
    };
    const early = authoring.draftProblems(draft, text);
    if (early.length > 0) return refused(early);
    const evidence = authoring.evidenceIri(draft, taken);
    const quads = authoring.relationQuads(draft, evidence, entities);
    const { validateAddition } = await import("../../session/authoring-validate.ts");
    const problems = await validateAddition(await validationInput(ctx, quads), quads);
    if (problems.length > 0) return refused(problems.map((p) => `${p.kind}: ${p.message}`));
    const written = await writeToStore(ctx.store, quads);
    const label = (iri: string) => entities.find((e) => e.iri === iri)?.label ?? graph.label(graph.nodeByIri(iri));
    print(`added: ${label(subject.iri)} —${ranked.find((p) => p.iri === predicate)?.label ?? curieOf(graph, predicate)}→ ${label(object.iri)}`);
    for (const entity of entities) print(`  new entity ${curieOf(graph, entity.iri)} "${entity.label}" (${curieOf(graph, entity.classIri)})`);
    print(`  “${quote}”`);
    print(`  — ${source.title}, ${draft.locator}${place.pages.length ? `, p. ${place.pages.join(", ")}` : ""}; ${draft.status} by ${draft.by} at ${draft.at}`);
    print(`  evidence ${curieOf(graph, evidence)} in ${written}`);
    return 0;
  },
};
