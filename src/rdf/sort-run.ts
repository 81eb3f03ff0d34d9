// Sorts a run of a typed array in place: insertion sort for the short runs writers meet most (no view, no garbage).
export function sortRun(array: Uint32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from > 32) {
    array.subarray(from, to).sort(compare);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const value = array[k];
    let j = k - 1;
    while (j >= from && compare(array[j], value) > 0) {
      array[j + 1] = array[j];
      j--;
    }
    array[j + 1] = value;
  }
}
