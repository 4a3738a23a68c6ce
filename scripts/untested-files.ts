/**
 * Lists the src/ files that no file under test/ imports directly (test files and their helpers), and which src
 * folders have no test folder of the same name. `npx tsx scripts/untested-files.ts [repoRoot]`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { importGraph, importSpecifiers, sourceFiles } from "./architecture";

/** The src files (relative to src/) that no test file imports, and the src folders without a test/ twin. */
export function untestedFiles(repo: string): {
  files: string[];
  unreached: string[];
  srcFiles: number;
  foldersWithoutTests: string[];
} {
  const src = path.join(repo, "src");
  const test = path.join(repo, "test");
  const all = sourceFiles(src).filter((f) => !f.endsWith(".d.ts"));
  const imported = new Set<string>();
  for (const t of sourceFiles(test)) {
    const from = path.join(test, t);
    for (const spec of importSpecifiers(fs.readFileSync(from, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const abs = path.resolve(path.dirname(from), spec);
      for (const cand of [abs, `${abs}.ts`, path.join(abs, "index.ts")]) {
        const rel = path.relative(src, cand).split(path.sep).join("/");
        if (!rel.startsWith("..") && fs.existsSync(cand) && fs.statSync(cand).isFile()) imported.add(rel);
      }
    }
  }
  // Reached: imported by a test file directly or through other src files.
  const graph = importGraph(src);
  const reached = new Set(imported);
  const queue = [...imported];
  while (queue.length > 0) {
    for (const d of graph.get(queue.pop() as string) ?? []) {
      if (!reached.has(d)) {
        reached.add(d);
        queue.push(d);
      }
    }
  }
  const folders = fs
    .readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  return {
    files: all.filter((f) => !imported.has(f)),
    unreached: all.filter((f) => !reached.has(f)),
    srcFiles: all.length,
    foldersWithoutTests: folders.filter((d) => !fs.existsSync(path.join(test, d))).sort(),
  };
}

if (require.main === module) {
  const repo = path.resolve(process.argv[2] ?? path.join(__dirname, ".."));
  const r = untestedFiles(repo);
  console.log(`${repo}: ${r.files.length} of ${r.srcFiles} src files are imported by no file under test/`);
  for (const f of r.files) console.log(`  src/${f}`);
  console.log(
    `${r.unreached.length} of ${r.srcFiles} src files are not reached by any test file, even through imports`,
  );
  for (const f of r.unreached) console.log(`  src/${f}`);
  console.log(
    `src folders without a test/ folder: ${r.foldersWithoutTests.length ? r.foldersWithoutTests.join(", ") : "none"}`,
  );
}
