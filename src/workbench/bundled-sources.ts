// The bundled data as session sources (names and SHA-256 of the texts), in its own chunk: loaded when a session is saved or compared.
import { describeSource, type SessionSource } from "../session/format.ts";

/** The same files the data worker loads (data.worker.ts bundledFiles), hashed. */
export function bundledSessionSources(): SessionSource[] {
  const ontology = import.meta.glob("/ontology/*.ttl", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  const data = import.meta.glob("/graph-data/*.ttl", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  return Object.entries({ ...ontology, ...data })
    .filter(([path]) => !/shapes\.ttl$/.test(path))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => describeSource(path.replace(/^\//, ""), text, "bundled", "turtle"));
}
