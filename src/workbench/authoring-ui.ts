// Evidence-first authoring in the workbench: open a source, read it with its mentions, turn a quote into a validated relation.
import "./authoring.css";
import { h, replaceChildren } from "./dom.ts";
import type { DataClient } from "./data-client.ts";
import type { DataSources } from "./data-sources.ts";
import type { Addition, AuthoredSource, AuthorReplies, AuthorRequest } from "./authoring-protocol.ts";
import { RelationForm } from "./relation-form.ts";
import { SourceReader } from "./source-reader.ts";
import { SOURCE_ACCEPT, readSourceBlob } from "./source-open.ts";

export interface AuthoringHost {
  client: DataClient;
  /** Where the reader lies (over the graph, as the evidence viewer does). */
  container: HTMLElement;
  toolbar: HTMLElement;
  dataSources: DataSources;
  /** The evidence viewer's texts by kg:cleanedText path: added sources join them, so "show in source" finds their quotes. */
  sourceTexts: Map<string, string>;
  /**
   * Loads an addition as a data file of the session (a step in History, kept in saves and autosave like any file
   * opened); false when the load failed (its error is shown).
   */
  load(name: string, turtle: string): Promise<boolean>;
  download(name: string, blob: Blob): void;
  showError(error: unknown): void;
  showInfo(message: string): void;
}

/**
 * Names of the data files authoring adds to a session: each source (source-*.ttl) and relation (authored-*.ttl) is
 * loaded as its own small file, then all are kept as one, authored.ttl (DataSources.coalesce).
 */
export const AUTHORED_FILE = /^(authored|(source|authored)-[a-z0-9-]+)\.ttl$/;
const MERGED_FILE = "authored.ttl";

export class Authoring {
  readonly reader: SourceReader;
  private readonly form: RelationForm;
  private readonly input = h("input", { type: "file", id: "source-input", hidden: true, attrs: { accept: SOURCE_ACCEPT } });
  private readonly picker = h("select", { id: "source-select", title: "Read a source of the graph", attrs: { "aria-label": "Read a source" } });

  constructor(private readonly host: AuthoringHost) {
    const ask = this.ask.bind(this);
    this.form = new RelationForm({
      search: (text) => host.client.request("search", { text, limit: 10 }),
      classes: () => ask({ op: "classes" }),
      fit: (subject, object) => ask({ op: "fit", subject, object }),
      submit: async (relation) => {
        const addition = await ask({ op: "add-relation", relation });
        if (!addition.ok) return addition.problems;
        if (!(await this.apply(addition))) return ["the relation was valid but could not be loaded; see the message above"];
        await this.open(relation.source);
        return [];
      },
    });
    this.reader = new SourceReader({
      newRelation: (seed) => this.form.open(seed),
      exportChanges: () => void this.exportChanges().catch(host.showError),
      close: () => this.reader.hide(),
    }, this.form.element);
    host.container.append(this.reader.element);
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      if (file) void this.addSource(file).catch(host.showError).finally(() => (this.input.value = ""));
    });
    this.picker.addEventListener("focus", () => void this.listSources());
    this.picker.addEventListener("change", () => {
      if (this.picker.value) void this.open(this.picker.value).catch(host.showError);
      this.picker.value = "";
    });
    host.toolbar.append(
      h("button", { type: "button", id: "open-source", title: "Add a text, HTML or PDF source and read it", on: { click: () => this.input.click() } }, "Open source…"),
      this.input, this.picker);
    replaceChildren(this.picker, h("option", { value: "" }, "Read source…"));
  }

  private ask<K extends keyof AuthorReplies>(request: AuthorRequest & { op: K }): Promise<AuthorReplies[K]> {
    return this.host.client.request("author", request) as Promise<AuthorReplies[K]>;
  }

  kill(): void {
    this.reader.kill();
  }

  /** New data: the texts of sources it carries join the evidence viewer's (after a load, a reload, a session opened). */
  dataChanged(): void {
    void this.ask({ op: "sources" }).then((sources) => this.learnTexts(sources), () => undefined);
  }

  private learnTexts(sources: readonly AuthoredSource[]): void {
    for (const s of sources) if (!this.host.sourceTexts.has(s.textPath)) this.host.sourceTexts.set(s.textPath, s.text);
  }

  private async listSources(): Promise<void> {
    const sources = await this.ask({ op: "sources" });
    this.learnTexts(sources);
    replaceChildren(this.picker, h("option", { value: "" }, "Read source…"), ...sources.map((s) => h("option", { value: s.iri, title: s.iri }, s.title)));
  }

  /** Reads the file, states it as a source (validated), loads it into the session, and opens it. */
  async addSource(file: File): Promise<void> {
    const extracted = await readSourceBlob(file);
    const addition = await this.ask({ op: "add-source", extracted, fileName: file.name });
    if (!addition.ok) {
      this.host.showError(new Error(`${file.name}: ${addition.problems.join("; ")}`));
      return;
    }
    if (await this.apply(addition)) await this.open(addition.iri);
  }

  private async apply(addition: Addition & { ok: true }): Promise<boolean> {
    const ok = await this.host.load(addition.name, addition.turtle);
    if (!ok) return false;
    this.host.showInfo(`Added ${addition.summary}`);
    const texts = await this.authoredTexts();
    if (texts.length > 1) this.host.dataSources.coalesce((name) => AUTHORED_FILE.test(name), MERGED_FILE, await this.ask({ op: "changes", texts }));
    return true;
  }

  /** Shows a source of the data in the reader, with its mentions and candidates. */
  async open(iri: string): Promise<void> {
    const sources = await this.ask({ op: "sources" });
    this.learnTexts(sources);
    const source = sources.find((s) => s.iri === iri);
    if (!source) throw new Error(`The data has no text for the source ${iri}.`);
    const { mentions, candidates } = await this.ask({ op: "analyse", source: iri });
    this.reader.show(source, mentions, candidates);
  }

  /** The texts of the analyst's additions in the session's data (one file once coalesced). */
  private async authoredTexts(): Promise<string[]> {
    const files = this.host.dataSources.list().filter((s) => s.kind === "file" && AUTHORED_FILE.test(s.name));
    return Promise.all(files.map(async (s) => s.content ?? (await this.host.dataSources.fileOf(s.sha256)?.text()) ?? ""));
  }

  /** The analyst's additions (sources and relations loaded in this session) as one Turtle file. */
  async exportChanges(): Promise<void> {
    const texts = await this.authoredTexts();
    if (texts.length === 0) {
      this.host.showInfo("No additions yet: open a source and add a relation first.");
      return;
    }
    const turtle = await this.ask({ op: "changes", texts });
    this.host.download("changes.ttl", new Blob([turtle], { type: "text/turtle;charset=utf-8" }));
  }
}
