// Reads a picked source file in the page: plain text, HTML (htmlparser2, no DOM parsing of its markup) and PDF (pdfjs-dist, page by page).
import { pdfDocumentText, readHtml, readPlain, type ExtractedSource } from "../session/source-extract.ts";

export const SOURCE_ACCEPT = ".txt,.text,.md,.html,.htm,.xhtml,.pdf,text/plain,text/html,application/pdf";

/** The text and metadata of a picked file; a file of another kind, or not UTF-8, is refused with the reason. */
export async function readSourceBlob(file: File): Promise<ExtractedSource> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".pdf") || file.type === "application/pdf") return readPdf(new Uint8Array(await file.arrayBuffer()), file.name);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, "");
  } catch {
    throw new Error(`${file.name}: the text is not UTF-8`);
  }
  if (/\.(x?html?)$/.test(name) || file.type === "text/html") return readHtml(text);
  if (/\.(txt|text|md)$/.test(name) || file.type.startsWith("text/")) return readPlain(text);
  throw new Error(`${file.name}: not a text, HTML or PDF file`);
}

/** One pdfjs worker for the page, made when the first PDF is opened. */
let pdfWorker: Worker | undefined;

async function readPdf(data: Uint8Array, fileName: string): Promise<ExtractedSource> {
  // pdfjs and its worker are fetched only when a PDF is opened.
  // The worker is bundled as a script of the site (?worker), so any static host serves it with a script's type.
  const [pdfjs, { default: PdfWorker }] = await Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?worker")]);
  pdfWorker ??= new PdfWorker();
  pdfjs.GlobalWorkerOptions.workerPort = pdfWorker;
  let document;
  try {
    document = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new Error(`${fileName}: not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  return pdfDocumentText(document);
}
