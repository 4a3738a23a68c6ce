#!/usr/bin/env node
import type { Command } from "./command";
import { UsageError } from "./command";
import { d2minCommand } from "./d2min";
import { demoCommand } from "./demo";
import { featurizeCommand } from "./featurize";
import { predictCommand } from "./predict";
import { reproduceCommand } from "./reproduce";
import { trainCommand } from "./train";
import { voronoiCommand } from "./voronoi";

/** Every subcommand, in the order `qsoft --help` lists them (the pipeline's order). */
const commands: Command[] = [
  voronoiCommand,
  featurizeCommand,
  d2minCommand,
  trainCommand,
  predictCommand,
  demoCommand,
  reproduceCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    "qsoft: machine learning on atomistic structures of metallic glasses (Wang & Jain framework)",
    "",
    "usage: qsoft <command> [options]      qsoft <command> --help",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    console.log(require("../../package.json").version);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`qsoft: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`qsoft ${name}: ${e.message}\n\n${cmd.usage}`);
      return 2;
    }
    console.error(`qsoft ${name}: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
