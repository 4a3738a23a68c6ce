#!/usr/bin/env node
import type { Command } from "./command";
import { UsageError } from "./command";

/** Every subcommand, in the order `qsoft --help` lists them. */
const commands: Command[] = [];

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
