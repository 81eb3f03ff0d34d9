#!/usr/bin/env node
// The `kg` command: registers tsx so the TypeScript sources run straight after `npm install`, then hands over to main.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
