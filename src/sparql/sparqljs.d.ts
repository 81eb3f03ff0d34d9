// Types for the parts of sparqljs (which ships none) that the request classifier uses.
declare module "sparqljs" {
  /** What a parse returns: a query (queryType set) or an update (updates set); only the fields read here. */
  interface SparqlParseResult {
    type?: "query" | "update";
    queryType?: "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE";
    updates?: { type?: string; updateType?: string }[];
  }

  /** The jison lexer instance of one parse; after a syntax error it holds the offending token and its place. */
  interface SparqlLexer {
    setInput(input: string, yy: unknown): unknown;
    match: string;
    yylloc?: { first_line: number; first_column: number };
  }

  interface SparqlParser {
    parse(text: string): SparqlParseResult;
    lexer: SparqlLexer;
  }

  interface ParserOptions {
    prefixes?: Record<string, string>;
    baseIRI?: string;
    sparqlStar?: boolean;
    skipValidation?: boolean;
  }

  export function Parser(options?: ParserOptions): SparqlParser;
}
