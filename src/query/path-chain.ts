// A path as one line of names, each hop's arrow pointing the way its relation runs: "DJI → Drones ← Huawei".

/**
 * `labels[i]` and `labels[i + 1]` are joined by hop i, travelled along its relation (`forward[i]`: "→") or against it
 * ("←"), so a title never claims a direction the data does not state.
 */
export function pathChain(labels: readonly string[], forward: readonly boolean[]): string {
  return labels.map((label, i) => (i === 0 ? label : `${forward[i - 1] === false ? "←" : "→"} ${label}`)).join(" ");
}
