// kg path (placeholder until its query module lands).
import type { Command } from "../command.ts";

export const pathCommand: Command = {
  spec: { name: "path", summary: "(not yet available)", arguments: "", minPositionals: 0, details: "", options: {} },
  async run() {
    return 1;
  },
};
