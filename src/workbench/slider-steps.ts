// A slider's History step: a drag is one step (recorded on release) and so is a burst of arrow keys, or a held key's repeats, once the keys rest.

/**
 * How long the keys must rest before a keyboard burst becomes its step: well past a held key's repeat interval
 * (about 33 ms) and the gap between a person's quick presses, short enough that the step is there when they look.
 */
export const KEY_SETTLE_MS = 600;

/**
 * Calls `record` once per drag (the input's `change` on release) and once per burst of keys: a range input fires
 * `change` on every arrow press, so each press, and each repeat of a held key, was a step of its own. A pending
 * burst is recorded at once when the slider loses focus or a pointer takes it over.
 */
export function recordOnSettle(input: HTMLInputElement, record: () => void, settleMs = KEY_SETTLE_MS): void {
  let keyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    record();
  };
  input.addEventListener("keydown", () => (keyed = true));
  input.addEventListener("pointerdown", () => {
    flush();
    keyed = false;
  });
  input.addEventListener("blur", flush);
  input.addEventListener("change", () => {
    if (!keyed) {
      record();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      record();
    }, settleMs);
  });
}
