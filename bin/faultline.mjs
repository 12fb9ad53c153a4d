#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, so register tsx's loader and hand over to bin/cli.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli.ts");
process.exitCode = await main(process.argv.slice(2));
