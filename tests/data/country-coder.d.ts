// Types for the one country-coder function the tests use: its package ships a .d.ts its "exports" map does not expose.
declare module "@ideditor/country-coder" {
  export function feature(query: string): { properties: { iso1A2?: string; iso1A3?: string; wikidata?: string; nameEn: string } } | null;
}
