// Reads a CSVW metadata file (JSON-LD): checks its keys, turns it into RDF for the CSVW parser, and keeps the parts kg import uses.
import type * as RDF from "@rdfjs/types";
import { JsonLdParser } from "jsonld-streaming-parser";
import { Store } from "n3";
import { CSVW_CONTEXT_URL, csvwContext, csvwTerms } from "./csvw-context.ts";

/** One column as the metadata describes it. */
export interface ColumnDescription {
  name: string;
  /** The header text the column is found under; empty for an unnamed column (CSVW then names it _col.N). */
  title: string;
  separator?: string;
  suppressOutput: boolean;
}

export interface TableMetadata {
  /** The metadata file, for messages. */
  file: string;
  /** The table's @id: the IRI of the source dataset. */
  id: string;
  /** The CSV file the metadata's url names, resolved against the metadata file. */
  url: string;
  delimiter: string;
  columns: ColumnDescription[];
  /** Common properties of the table (dcterms:title, schema:version, ...) as written: the source's description. */
  annotations: Record<string, unknown>;
  /** The metadata as RDF (CSVW vocabulary), what the parser reads. */
  dataset: RDF.DatasetCore;
}

/** A metadata file that is not usable CSVW: the message names the file and the key or value. */
export class CsvwMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvwMetadataError";
  }
}

/** Parses metadata text; `fileUrl` is the metadata file's file: URL, the base its relative url resolves against. */
export async function readTableMetadata(text: string, file: string, fileUrl: string): Promise<TableMetadata> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CsvwMetadataError(`${file}: not JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new CsvwMetadataError(`${file}: the metadata is a JSON object describing one table`);
  const context = json["@context"];
  const contextUrl = Array.isArray(context) ? context[0] : context;
  if (contextUrl !== CSVW_CONTEXT_URL) throw new CsvwMetadataError(`${file}: @context must be "${CSVW_CONTEXT_URL}" (or an array starting with it)`);
  checkKeys(json, file, "");
  if (typeof json.url !== "string") throw new CsvwMetadataError(`${file}: the table needs a "url" naming its CSV file`);
  if (typeof json["@id"] !== "string") throw new CsvwMetadataError(`${file}: the table needs an "@id": the IRI of the source dataset`);
  const schema = json.tableSchema;
  if (!isObject(schema) || !Array.isArray(schema.columns)) throw new CsvwMetadataError(`${file}: tableSchema.columns must list the columns`);
  const columns = schema.columns.map((column, i) => describeColumn(column, `${file}: tableSchema.columns[${i}]`));
  const dialect = isObject(json.dialect) ? json.dialect : {};
  const annotations: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) if (key.includes(":") && !key.startsWith("@")) annotations[key] = value;
  return {
    file,
    id: json["@id"],
    url: new URL(json.url, fileUrl).href,
    delimiter: typeof dialect.delimiter === "string" ? dialect.delimiter : ",",
    columns,
    annotations,
    dataset: await toRdf(json, fileUrl, file),
  };
}

function describeColumn(column: unknown, where: string): ColumnDescription {
  if (!isObject(column) || typeof column.name !== "string") throw new CsvwMetadataError(`${where}: a column needs a "name"`);
  const titles = column.titles;
  const title = typeof titles === "string" ? titles : Array.isArray(titles) && typeof titles[0] === "string" ? titles[0] : "";
  if (title === "" && !/^_col\.\d+$/.test(column.name)) throw new CsvwMetadataError(`${where}: a column without "titles" is an unnamed one, named _col.N`);
  return {
    name: column.name,
    title,
    separator: typeof column.separator === "string" ? column.separator : undefined,
    suppressOutput: column.suppressOutput === true,
  };
}

/** JSON-LD drops keys its context does not define: refuse them instead, naming where they are. */
function checkKeys(value: unknown, file: string, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkKeys(item, file, `${path}[${i}]`));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key === "@context") continue;
    if (!key.startsWith("@") && !csvwTerms.has(key) && !/^[a-z][a-z0-9]*:/i.test(key)) {
      throw new CsvwMetadataError(`${file}: unknown CSVW property "${here}" (a common property needs a prefix such as dcterms:)`);
    }
    // Common properties hold JSON-LD of their own; CSVW terms inside them are not the table's.
    if (key.includes(":")) continue;
    checkKeys(inner, file, here);
  }
}

async function toRdf(json: Record<string, unknown>, baseIRI: string, file: string): Promise<RDF.DatasetCore> {
  const parser = new JsonLdParser({
    baseIRI,
    strictValues: true,
    documentLoader: {
      load: async (url: string) => {
        if (url === CSVW_CONTEXT_URL || url === `${CSVW_CONTEXT_URL}.jsonld`) return structuredClone(csvwContext) as never;
        throw new CsvwMetadataError(`${file}: the context ${url} is not available offline; use ${CSVW_CONTEXT_URL}`);
      },
    },
  });
  const store = new Store();
  await new Promise<void>((resolve, reject) => {
    parser.on("data", (quad: RDF.Quad) => store.addQuad(quad));
    parser.on("error", (error: Error) => reject(error instanceof CsvwMetadataError ? error : new CsvwMetadataError(`${file}: ${error.message}`)));
    parser.on("end", () => resolve());
    parser.write(JSON.stringify(json));
    parser.end();
  });
  return store;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
