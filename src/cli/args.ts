import { UsageError } from "./command";

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * Parses `argv` given the names of options that take a value (`--out FILE`, also `--out=FILE`); every other
 * `--name` is a boolean flag. Unknown names are refused when `known` lists the accepted flags.
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith("--") || a === "--") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++k];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (flags.includes(name) || name === "help") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      seen.add(name);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options, flags: seen };
}

/** Splits "Cu,Zr" into ["Cu", "Zr"]; undefined stays undefined. */
export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) throw new UsageError(`empty list "${value}"`);
  return items;
}

/** Parses "Cu=1.26,Zr=1.58" into a record of numbers. */
export function parseKeyValues(value: string | undefined): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const item of parseList(value) ?? []) {
    const [k, v] = item.split("=");
    const x = Number(v);
    if (!k || v === undefined || !Number.isFinite(x)) throw new UsageError(`expected name=number, got "${item}"`);
    out[k] = x;
  }
  return out;
}

/** An integer option, or the default. */
export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isInteger(x)) throw new UsageError(`--${name} must be an integer, got "${v}"`);
  return x;
}

/** A finite number option, or the default. */
export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got "${v}"`);
  return x;
}
