// SPARQL JSON result terms as RDF/JS terms, with each response's blank node labels kept apart.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import type { SparqlTermJson } from "./sparql-endpoint.ts";

export class ResponseTerms {
  private readonly blanks = new Map<string, RDF.BlankNode>();

  /** The term; a blank node is the same within `blankScope` only. Undefined for a kind RDF has no term for. */
  term(t: SparqlTermJson, blankScope: string): RDF.Term | undefined {
    switch (t.type) {
      case "uri":
        return DataFactory.namedNode(t.value);
      case "bnode": {
        // Stores keep a blank node's label within a response; the scope keeps unrelated responses' labels apart.
        const key = `${blankScope}|${t.value}`;
        let node = this.blanks.get(key);
        if (node === undefined) {
          node = DataFactory.blankNode(`r${this.blanks.size}`);
          this.blanks.set(key, node);
        }
        return node;
      }
      case "literal":
      case "typed-literal": {
        const language = t["xml:lang"];
        if (language) return DataFactory.literal(t.value, language);
        if (t.datatype) return DataFactory.literal(t.value, DataFactory.namedNode(t.datatype));
        return DataFactory.literal(t.value);
      }
      default:
        return undefined;
    }
  }
}
