// The projection rules' IRIs as dataset term ids, and as one flag byte per term so hot loops read a byte, not a Set.
import type { Dataset } from "../rdf/dataset.ts";

/** The term ids of the IRIs the dataset has (absent ones left out). */
export function termIds(dataset: Dataset, iris: readonly string[]): number[] {
  return iris.map((iri) => dataset.terms.iriId(iri)).filter((id) => id >= 0);
}

/** 1 for the terms of the IRIs, 0 for every other term. */
export function termFlags(dataset: Dataset, iris: readonly string[]): Uint8Array {
  const flags = new Uint8Array(dataset.terms.size);
  for (const id of termIds(dataset, iris)) flags[id] = 1;
  return flags;
}
