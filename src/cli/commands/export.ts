// kg export (placeholder until its query module lands).
import type { Command } from "../command.ts";

export const exportCommand: Command = {
  spec: { name: "export", summary: "(not yet available)", arguments: "", minPositionals: 0, details: "", options: {} },
  async run() {
    return 1;
  },
};
