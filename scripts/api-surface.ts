/**
 * The names an entry point publishes: values (functions, classes, constants) and type-only names (interfaces,
 * type aliases), each with the first line of its doc comment and the file that declares it.
 *   npm run build && npx tsx scripts/api-surface.ts              counts of the root and every subpath entry (dist/)
 *   npx tsx scripts/api-surface.ts src/index.ts --list           the names of one entry
 *   npx tsx scripts/api-surface.ts src/index.ts --markdown       the table of docs/api.md
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** One published name. */
export interface SurfaceEntry {
  readonly name: string;
  /** "value" for anything usable at run time (classes included), "type" for type-only names. */
  readonly kind: "value" | "type";
  /** First line of the declaration's doc comment ("" when it has none). */
  readonly doc: string;
  /** Declaring file, relative to src/ and without extension (e.g. "io/dump-reader"). */
  readonly where: string;
}

/** Reads the exports of `file` (a .ts or .d.ts entry) with the TypeScript checker, sorted by name. */
export function describeSurface(file: string): SurfaceEntry[] {
  return describeSurfaces([file])[0];
}

/** The exports of several entries, read with one TypeScript program (one parse of the shared modules). */
export function describeSurfaces(files: readonly string[]): SurfaceEntry[][] {
  const program = ts.createProgram([...files], { skipLibCheck: true, noEmit: true, types: ["node"] });
  const checker = program.getTypeChecker();
  return files.map((file) => exportsOf(program, checker, file));
}

function exportsOf(program: ts.Program, checker: ts.TypeChecker, file: string): SurfaceEntry[] {
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`${file}: cannot read`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file}: not a module`);
  const out: SurfaceEntry[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = target.declarations?.[0];
    const declFile = decl === undefined ? "" : decl.getSourceFile().fileName;
    const where = declFile
      .replace(/\\/g, "/")
      .replace(/^.*\/(src|dist)\//, "")
      .replace(/(\.d)?\.ts$/, "");
    const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim().split("\n")[0].trim();
    out.push({ name: exported.name, kind: target.flags & ts.SymbolFlags.Value ? "value" : "type", doc, where });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The .d.ts files behind the root and subpath entries of package.json `exports`, by subpath. */
export function declaredEntries(root: string): Map<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    types: string;
    exports?: Record<string, string | { types?: string }>;
  };
  const out = new Map<string, string>([[".", path.join(root, pkg.types)]]);
  for (const [subpath, entry] of Object.entries(pkg.exports ?? {})) {
    if (typeof entry === "object" && entry.types !== undefined) out.set(subpath, path.join(root, entry.types));
  }
  return out;
}

/** The table of docs/api.md: one row per name, grouped by the folder that declares it. */
export function surfaceMarkdown(entries: readonly SurfaceEntry[]): string {
  const rows = [...entries].sort((a, b) => a.where.localeCompare(b.where) || a.name.localeCompare(b.name));
  const lines = ["| name | what | where |", "|---|---|---|"];
  for (const e of rows)
    lines.push(
      `| \`${e.name}\`${e.kind === "type" ? " (type)" : ""} | ${e.doc.replace(/\|/g, "\\|")} | \`src/${e.where}.ts\` |`,
    );
  return lines.join("\n");
}

function main(): void {
  const root = path.join(__dirname, "..");
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith("--"));
  const entries = files.length > 0 ? new Map(files.map((f) => [f, f])) : declaredEntries(root);
  for (const [label, file] of entries) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: missing (run npm run build first)`);
      process.exitCode = 1;
      continue;
    }
    const surface = describeSurface(file);
    if (args.includes("--markdown")) {
      console.log(surfaceMarkdown(surface));
      continue;
    }
    const values = surface.filter((e) => e.kind === "value");
    const types = surface.filter((e) => e.kind === "type");
    console.log(
      `${label} (${path.relative(root, path.resolve(file))}): ${surface.length} names (${values.length} values, ${types.length} types)`,
    );
    if (args.includes("--list"))
      console.log(`  values: ${values.map((e) => e.name).join(" ")}\n  types: ${types.map((e) => e.name).join(" ")}`);
  }
}

if (require.main === module) main();
