// Evidence-first authoring in the workbench: open a source, read it with its mentions, turn a quote into a validated relation.
import "./authoring.css";
import { h, replaceChildren } from "./dom.ts";
import type { DataClient } from "./data-client.ts";
import type { DataSources } from "./data-sources.ts";
import type { Addition, AuthoredSource, AuthorReplies, AuthorRequest, CandidateView } from "./authoring-protocol.ts";
import { authoredOf, authoringActions, isRejected, tripleLabel, type AdditionKind, type RejectedCandidate } from "../session/authored.ts";
import type { History } from "../session/history.ts";
import type { SessionState, SessionStore } from "../session/index.ts";
import { sha256Hex } from "../session/sha256.ts";
import type { SessionSource } from "../session/format.ts";
import { AuthoredData } from "./authored-data.ts";
import { RelationForm, type RelationSeed } from "./relation-form.ts";
import { SourceReader } from "./source-reader.ts";
import { SOURCE_ACCEPT, readSourceBlob } from "./source-open.ts";

export interface AuthoringHost {
  client: DataClient;
  /** Additions and rejections are named steps (History, undo, autosave): dispatched here. */
  store: SessionStore;
  /** The session's History, where each addition's step keeps its Turtle (null until the session is attached). */
  history(): History | null;
  /** Where the reader lies (over the graph, as the evidence viewer does). */
  container: HTMLElement;
  toolbar: HTMLElement;
  dataSources: DataSources;
  /** The evidence viewer's texts by kg:cleanedText path: added sources join them, so "show in source" finds their quotes. */
  sourceTexts: Map<string, string>;
  /** Replaces the data with these sources (the additions' authored.ttl rebuilt); rejects with the load's error. */
  loadSources(sources: readonly SessionSource[], kept?: ReadonlyMap<string, Blob>): Promise<void>;
  download(name: string, blob: Blob): void;
  showError(error: unknown): void;
  showInfo(message: string): void;
}

/**
 * Names of the data files that hold additions: authored.ttl (authored-data.ts), and in sessions from before additions
 * were steps, each source (source-*.ttl) and relation (authored-*.ttl) loaded as its own file.
 */
export const AUTHORED_FILE = /^(authored|(source|authored)-[a-z0-9-]+)\.ttl$/;

export class Authoring {
  readonly reader: SourceReader;
  private readonly form: RelationForm;
  private readonly input = h("input", { type: "file", id: "source-input", hidden: true, attrs: { accept: SOURCE_ACCEPT } });
  private readonly picker = h("select", { id: "source-select", title: "Read a source of the graph", attrs: { "aria-label": "Read a source" } });
  private readonly data: AuthoredData;
  /** The form's last seed: a candidate's (accepted) or a selection's (a new relation). */
  private seed: RelationSeed | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly host: AuthoringHost) {
    const ask = this.ask.bind(this);
    this.data = new AuthoredData({
      store: host.store, dataSources: host.dataSources, history: host.history, loadSources: host.loadSources,
      merge: (texts) => ask({ op: "changes", texts }),
    });
    this.form = new RelationForm({
      search: (text) => host.client.request("search", { text, limit: 10 }),
      classes: () => ask({ op: "classes" }),
      fit: (subject, object) => ask({ op: "fit", subject, object }),
      submit: async (relation) => {
        const addition = await ask({ op: "add-relation", relation });
        if (!addition.ok) return addition.problems;
        const seed = this.seed;
        const accepted = seed?.candidate === true && seed.start === relation.start && seed.end === relation.end;
        if (!(await this.apply(addition, accepted ? "accept" : "relation"))) return ["the relation was valid but could not be loaded; see the message above"];
        await this.open(relation.source);
        return [];
      },
    });
    this.reader = new SourceReader({
      newRelation: (seed) => {
        this.seed = seed;
        this.form.open(seed);
      },
      reject: (candidate) => this.reject(candidate),
      isRejected: (candidate) => this.readerSource() !== null && isRejected(host.store.get(), this.rejection(candidate)),
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
    // Undo and redo of a rejection change what the open reader offers.
    this.unsubscribe = host.store.subscribe((state, previous) => {
      if (state.rejected !== previous.rejected && this.reader.isOpen) this.reader.refreshCandidates();
    });
  }

  /** Before a step is drawn: the data holds that step's additions (authored-data.ts). */
  syncData(state: SessionState): Promise<void> {
    return this.data.sync(state).catch((error: unknown) => this.host.showError(error));
  }

  /** The source in the reader, by the SHA-256 of its text (what rejections are remembered by). */
  private readerSource(): string | null {
    const source = this.reader.current;
    return source ? (source.sha256 ?? sha256Hex(source.text)) : null;
  }

  private rejection(c: CandidateView): RejectedCandidate {
    return { source: this.readerSource() ?? "", quote: c.quote, subject: c.subject, predicate: c.predicates[0]?.iri ?? "", object: c.object };
  }

  private reject(c: CandidateView): void {
    if (!this.readerSource() || !c.predicates[0]) return;
    this.host.store.dispatch(authoringActions.rejectCandidate(this.rejection(c), tripleLabel(c.subjectLabel, c.predicates[0].label, c.objectLabel)));
  }

  private ask<K extends keyof AuthorReplies>(request: AuthorRequest & { op: K }): Promise<AuthorReplies[K]> {
    return this.host.client.request("author", request) as Promise<AuthorReplies[K]>;
  }

  kill(): void {
    this.unsubscribe();
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
    if (await this.apply(addition, "source")) await this.open(addition.iri);
  }

  /**
   * The data gets the addition (authored.ttl rebuilt and reloaded), then the step that names it is taken: undo takes
   * it out again. False when the load failed (its error is shown).
   */
  private async apply(addition: Addition & { ok: true }, kind: AdditionKind): Promise<boolean> {
    const sha256 = sha256Hex(addition.turtle);
    this.data.remember(sha256, addition.turtle);
    const ref = { kind: kind === "source" ? ("source" as const) : ("relation" as const), iri: addition.iri, sha256, label: addition.label };
    try {
      await this.data.setAdditions([...authoredOf(this.host.store.get()), ref]);
    } catch (error) {
      this.host.showError(error);
      return false;
    }
    this.host.store.dispatch(authoringActions.addition(kind, ref, addition.turtle, addition.triple));
    this.host.showInfo(`Added ${addition.summary}`);
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

  /** The texts of the analyst's additions in the session's data (authored.ttl, and files of sessions from before). */
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
