// kg find (placeholder until its query module lands).
import type { Command } from "../command.ts";

export const findCommand: Command = {
  spec: { name: "find", summary: "(not yet available)", arguments: "", minPositionals: 0, details: "", options: {} },
  async run() {
    return 1;
  },
};
