// The part of the W3C CSVW JSON-LD context (http://www.w3.org/ns/csvw) that table metadata uses, served offline to the JSON-LD parser.

/**
 * The CSVW namespace document's context maps the metadata vocabulary's short names to csvw: terms. kg has no
 * network access at import time, so the term definitions for tables, schemas, columns, dialects and datatypes are
 * kept here (copied from the W3C context, Recommendation of 17 December 2015); csvw-metadata.ts refuses a key that is
 * neither defined here nor a prefixed name or absolute IRI, so a term this copy lacks fails loudly instead of being dropped.
 */
export const CSVW_CONTEXT_URL = "http://www.w3.org/ns/csvw";

const csvw = "http://www.w3.org/ns/csvw#";
const xsd = "http://www.w3.org/2001/XMLSchema#";

const id = (name: string) => ({ "@id": `csvw:${name}`, "@type": "@id" });
const literal = (name: string) => ({ "@id": `csvw:${name}` });
const typed = (name: string, type: string) => ({ "@id": `csvw:${name}`, "@type": `xsd:${type}` });

export const csvwContext = {
  "@context": {
    csvw,
    xsd,
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    owl: "http://www.w3.org/2002/07/owl#",
    dc: "http://purl.org/dc/terms/",
    dcterms: "http://purl.org/dc/terms/",
    dcat: "http://www.w3.org/ns/dcat#",
    prov: "http://www.w3.org/ns/prov#",
    schema: "http://schema.org/",
    skos: "http://www.w3.org/2004/02/skos/core#",
    foaf: "http://xmlns.com/foaf/0.1/",
    // Datatype names the metadata may give as strings ("datatype": "string").
    any: "xsd:anyAtomicType", boolean: "xsd:boolean", date: "xsd:date", datetime: "xsd:dateTime", decimal: "xsd:decimal",
    double: "xsd:double", float: "xsd:float", integer: "xsd:integer", number: "xsd:double", string: "xsd:string",
    Table: "csvw:Table", TableGroup: "csvw:TableGroup", Schema: "csvw:Schema", Column: "csvw:Column", Dialect: "csvw:Dialect",
    Datatype: "csvw:Datatype", NumericFormat: "csvw:NumericFormat",
    tables: { "@id": "csvw:table", "@type": "@id", "@container": "@set" },
    url: id("url"),
    tableSchema: id("tableSchema"),
    dialect: id("dialect"),
    columns: { "@id": "csvw:column", "@type": "@id", "@container": "@list" },
    datatype: { "@id": "csvw:datatype", "@type": "@vocab" },
    base: literal("base"),
    format: literal("format"),
    decimalChar: literal("decimalChar"),
    groupChar: literal("groupChar"),
    pattern: literal("pattern"),
    name: typed("name", "string"),
    titles: { "@id": "csvw:title", "@container": "@language" },
    null: literal("null"),
    default: literal("default"),
    separator: literal("separator"),
    lang: literal("lang"),
    required: typed("required", "boolean"),
    suppressOutput: typed("suppressOutput", "boolean"),
    virtual: typed("virtual", "boolean"),
    ordered: typed("ordered", "boolean"),
    textDirection: literal("textDirection"),
    aboutUrl: literal("aboutUrl"),
    propertyUrl: literal("propertyUrl"),
    valueUrl: literal("valueUrl"),
    primaryKey: literal("primaryKey"),
    rowTitles: literal("rowTitles"),
    notes: { "@id": "csvw:note", "@container": "@set" },
    delimiter: literal("delimiter"),
    quoteChar: literal("quoteChar"),
    doubleQuote: typed("doubleQuote", "boolean"),
    encoding: literal("encoding"),
    header: typed("header", "boolean"),
    headerRowCount: typed("headerRowCount", "nonNegativeInteger"),
    lineTerminators: literal("lineTerminators"),
    skipBlankRows: typed("skipBlankRows", "boolean"),
    skipColumns: typed("skipColumns", "nonNegativeInteger"),
    skipInitialSpace: typed("skipInitialSpace", "boolean"),
    skipRows: typed("skipRows", "nonNegativeInteger"),
    trim: literal("trim"),
    commentPrefix: literal("commentPrefix"),
  },
} as const;

/** The keys the context defines, for the check that nothing in a metadata file is silently dropped. */
export const csvwTerms: ReadonlySet<string> = new Set(Object.keys(csvwContext["@context"]));
