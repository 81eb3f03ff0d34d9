// Files the analyst picks or drops on the page: .json files are sessions to open, the rest RDF data to add.
import { formatFromFileName } from "../rdf/parse.ts";
import type { IncomingFile } from "./protocol.ts";

export interface FileDropHost {
  fileInput: HTMLInputElement;
  /** Shown while files are dragged over the page. */
  dropZone: HTMLElement;
  openSession(text: string, name: string): Promise<void>;
  addData(files: IncomingFile[]): Promise<void>;
}

/** Listens to the file input and to drops on the window; `kill()` removes the window listeners. */
export class FileDrop {
  private readonly removers: (() => void)[] = [];

  constructor(private readonly host: FileDropHost) {
    const { fileInput, dropZone } = host;
    fileInput.addEventListener("change", () => {
      if (fileInput.files) void this.read(fileInput.files).finally(() => (fileInput.value = ""));
    });
    this.listen("dragover", (event) => {
      if (!event.dataTransfer?.types.includes("Files")) return;
      event.preventDefault();
      dropZone.hidden = false;
    });
    this.listen("dragleave", (event) => {
      if (event.relatedTarget === null) dropZone.hidden = true;
    });
    this.listen("drop", (event) => {
      event.preventDefault();
      dropZone.hidden = true;
      if (event.dataTransfer?.files.length) void this.read(event.dataTransfer.files);
    });
  }

  async read(list: FileList | File[]): Promise<void> {
    const all = Array.from(list);
    // A dropped .json is a session; RDF files are data, handed to the worker unread (a 40 MB text would block the page).
    const sessions = all.filter((file) => /\.json$/i.test(file.name));
    for (const file of sessions) await this.host.openSession(await file.text(), file.name);
    const files: IncomingFile[] = all.filter((file) => !sessions.includes(file)).map((file) => ({ name: file.name, file, format: formatFromFileName(file.name) }));
    if (files.length) await this.host.addData(files);
  }

  private listen(type: "dragover" | "dragleave" | "drop", listener: (event: DragEvent) => void): void {
    window.addEventListener(type, listener);
    this.removers.push(() => window.removeEventListener(type, listener));
  }

  kill(): void {
    for (const remove of this.removers.splice(0)) remove();
  }
}
