// Reads a source file into text with pages: plain text, HTML and PDF (pdfjs-dist, page by page); the text work is session/source-extract.ts.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { pdfDocumentText, readHtml, readPlain, type ExtractedSource } from "../session/source-extract.ts";

export type ReadSource = ExtractedSource;

export class SourceReadError extends Error {
  override name = "SourceReadError";
}

/** Reads the file by its extension (.txt/.text/.md, .html/.htm, .pdf); any other is refused. */
export async function readSourceFile(path: string): Promise<ReadSource> {
  const bytes = await readFile(path);
  const extension = extname(path).toLowerCase();
  if (extension === ".pdf") return readPdf(new Uint8Array(bytes), path);
  const text = decodeUtf8(bytes, path);
  if (extension === ".html" || extension === ".htm" || extension === ".xhtml") return readHtml(text);
  if (extension === ".txt" || extension === ".text" || extension === ".md" || extension === "") return readPlain(text);
  throw new SourceReadError(`${path}: unknown kind of source ${JSON.stringify(extension)}; give a .txt, .html or .pdf file`);
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SourceReadError(`${path}: the text is not UTF-8; convert it first (e.g. iconv -t UTF-8)`);
  }
}

/** The text of each page, pages separated by form feeds, and the PDF's title, authors and date. */
export async function readPdf(data: Uint8Array, path: string): Promise<ReadSource> {
  // Loaded on use: pdfjs is large, and only `kg source add` of a PDF needs it.
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let document;
  try {
    document = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new SourceReadError(`${path}: not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  return pdfDocumentText(document);
}
