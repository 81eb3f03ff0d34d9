// Test helper: a real Virtuoso loaded with Turtle files; the server code lives in tests/helpers/virtuoso.ts (shared with bench/sparql.ts).
export { startVirtuoso, type VirtuosoOptions, type VirtuosoServer } from "../helpers/virtuoso.ts";
