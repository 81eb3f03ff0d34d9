// kg neighbours (placeholder until its query module lands).
import type { Command } from "../command.ts";

export const neighboursCommand: Command = {
  spec: { name: "neighbours", summary: "(not yet available)", arguments: "", minPositionals: 0, details: "", options: {} },
  async run() {
    return 1;
  },
};
