// Text out of source files, pure: plain text tidied, HTML's readable text (htmlparser2), PDF text items joined into paragraphs.
import { Parser } from "htmlparser2";

/** What a file gives: its text (pages separated by form feeds) and what it says about itself. */
export interface ExtractedSource {
  text: string;
  /** text/plain, text/html or application/pdf. */
  format: string;
  title?: string;
  authors?: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
}

/** Lines trimmed of trailing spaces, runs of blank lines made one, line ends made \n. */
function tidy(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/[ \t]+$/u, "")).join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

export function readPlain(text: string): ExtractedSource {
  const tidied = tidy(text);
  const title = tidied.split("\n").find((line) => line.trim())?.trim();
  return { text: tidied, format: "text/plain", title };
}

const BLOCK = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "nav", "aside", "title"]);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/** The readable text of an HTML page: block elements end lines, scripts and styles are left out, entities decoded. */
export function readHtml(html: string): ExtractedSource {
  const parts: string[] = [];
  let skipping = 0;
  let inTitle = false;
  let title = "";
  const meta: Record<string, string> = {};
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "title") inTitle = true;
      if (name === "meta" && attributes.name && attributes.content) meta[attributes.name.toLowerCase()] = attributes.content;
      if (SKIP.has(name)) skipping++;
      if (BLOCK.has(name)) parts.push("\n");
    },
    ontext(text) {
      if (inTitle) title += text;
      else if (skipping === 0) parts.push(text.replace(/\s+/g, " "));
    },
    onclosetag(name) {
      if (name === "title") inTitle = false;
      if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
      if (BLOCK.has(name)) parts.push("\n");
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  const text = tidy(parts.join("").split("\n").map((line) => line.trim()).join("\n"));
  const authors = meta.author ? splitAuthors(meta.author) : undefined;
  const date = meta.date && /^\d{4}(-\d\d(-\d\d)?)?/.exec(meta.date)?.[0];
  return { text, format: "text/html", title: title.trim().replace(/\s+/g, " ") || undefined, authors, date: date || undefined };
}

export function splitAuthors(text: string): string[] {
  return text.split(/\s*[;,]\s*|\s+and\s+/).map((name) => name.trim()).filter(Boolean);
}

export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * One PDF page's text from pdfjs's text items. Lines of a paragraph are joined with a space (a quote is one line,
 * docs/data-model.md); a larger gap than usual between lines, or a change of type size, starts a new one.
 */
export function pageText(items: readonly PdfTextItem[]): string {
  const lines: { text: string; y: number; size: number }[] = [];
  let current = "";
  let y = NaN, size = 0;
  for (const item of items) {
    if (current === "" && item.str !== "") [y, size] = [item.transform[5], item.height];
    current += item.str;
    if (item.hasEOL) {
      if (current.trim()) lines.push({ text: current.trim(), y, size });
      current = "";
    }
  }
  if (current.trim()) lines.push({ text: current.trim(), y, size });
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const sameParagraph = previous && Math.abs(previous.size - line.size) <= 0.1 * line.size && gap > 0 && gap <= 1.6 * line.size;
    if (sameParagraph) paragraphs[paragraphs.length - 1] += (paragraphs[paragraphs.length - 1].endsWith("-") ? "" : " ") + line.text;
    else paragraphs.push(line.text);
  }
  return paragraphs.join("\n");
}

/** The PDF's metadata as the source model wants it: title, authors, date (from its creation date). */
export function pdfInfo(info: Record<string, unknown>): Pick<ExtractedSource, "title" | "authors" | "date"> {
  const title = typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : undefined;
  const authors = typeof info.Author === "string" && info.Author.trim() ? splitAuthors(info.Author) : undefined;
  const created = typeof info.CreationDate === "string" ? /^D:(\d{4})(\d\d)?(\d\d)?/.exec(info.CreationDate) : null;
  const date = created ? [created[1], created[2], created[3]].filter(Boolean).join("-") : undefined;
  return { title, authors, date };
}

/** The part of a pdfjs document (PDFDocumentProxy) that reading its text needs; pdfjs itself is loaded by the callers. */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: readonly object[] }>; cleanup(): unknown }>;
  getMetadata(): Promise<{ info: object }>;
  destroy(): Promise<void>;
}

/** A PDF's text page by page (pages separated by form feeds) with its title, authors and date; destroys the document. */
export async function pdfDocumentText(document: PdfDocumentLike): Promise<ExtractedSource> {
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((item) => "str" in item) as PdfTextItem[]));
      page.cleanup();
    }
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    return { text: pages.join("\f").replace(/\n*$/, "\n"), format: "application/pdf", ...pdfInfo(info) };
  } finally {
    await document.destroy();
  }
}
