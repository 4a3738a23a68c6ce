/**
 * The architecture check: the import graph of src/ (file level, type-only imports included, since a type import
 * couples two floors as much as a value import), the layering rules between its folders, file-level import
 * cycles, and the rule that only src/cli/ prints or exits. test/architecture.test.ts runs it in `npm test`;
 * `npx tsx scripts/architecture.ts [srcDir]` prints the counts and every finding.
 * The rules are stated for readers in docs/architecture.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** A file-level import graph: file (path relative to the source root, "/" separators) -> files it imports. */
export type ImportGraph = Map<string, string[]>;

/** A console.* or process.exit use outside the folders allowed to print or exit. */
export interface OutputCall {
  readonly file: string;
  readonly line: number;
  readonly call: string;
}

/** One broken layering rule: `from` (in folder `fromFolder`) imports `to` (in `toFolder`). */
export interface Violation {
  readonly from: string;
  readonly to: string;
  readonly fromFolder: string;
  readonly toFolder: string;
  readonly rule: string;
}

/** The floors: the folders each src folder may import besides itself ("*" = any folder). */
export interface LayerRules {
  readonly [folder: string]: { readonly allowed: readonly string[] | "*"; readonly rule: string };
}

const GROUND = ["structure", "files", "parallel", "table"];

/**
 * The rules of docs/architecture.md. Ground floor: structure, files and parallel import nothing of ours, table
 * only files and parallel (worker threads that format large CSVs).
 * Above it io (reads and writes structures) and, side by side, neighbors then geometry (the Voronoi code uses the
 * cell list), none importing io. features and labels compute on all of these; ml sees only tables; plot takes
 * arrays; dataset, softness and analysis assemble the pipeline; cli sits on top and nothing imports it.
 */
export const RULES: LayerRules = {
  structure: { allowed: [], rule: "the ground floor (structure) imports nothing of ours" },
  files: { allowed: [], rule: "the ground floor (files) imports nothing of ours" },
  parallel: { allowed: [], rule: "the ground floor (parallel) imports nothing of ours" },
  table: { allowed: ["files", "parallel"], rule: "the ground floor (table) imports only files and parallel" },
  io: { allowed: [...GROUND], rule: "io imports only the ground floor" },
  geometry: { allowed: [...GROUND, "neighbors"], rule: "geometry imports only the ground floor and neighbors" },
  neighbors: { allowed: [...GROUND], rule: "neighbors imports only the ground floor" },
  features: {
    allowed: [...GROUND, "io", "geometry", "neighbors"],
    rule: "features import only the ground floor, io, geometry and neighbors (never ml, labels, softness, analysis, plot)",
  },
  labels: {
    allowed: [...GROUND, "io", "geometry", "neighbors"],
    rule: "labels import only the ground floor, io, geometry and neighbors",
  },
  ml: {
    allowed: ["table", "files", "parallel"],
    rule: "ml imports nothing about structures: only table, files and parallel",
  },
  plot: { allowed: ["table", "files"], rule: "plot takes arrays: it imports only table and files" },
  dataset: {
    allowed: [...GROUND, "io", "geometry", "neighbors", "features", "labels"],
    rule: "dataset imports only the floors below it (not ml, softness, analysis, plot, cli)",
  },
  softness: {
    allowed: [...GROUND, "io", "geometry", "neighbors", "features", "labels", "ml", "dataset"],
    rule: "softness imports no analysis, plot or cli",
  },
  analysis: {
    allowed: [...GROUND, "io", "geometry", "neighbors", "features", "labels", "ml", "dataset", "softness", "plot"],
    rule: "analysis imports no cli",
  },
  cli: { allowed: "*", rule: "cli may import everything" },
  ".": { allowed: "*", rule: "the package entry may import everything but cli" },
};

/** Folders whose files may call console.* and process.exit. */
export const OUTPUT_FOLDERS: readonly string[] = ["cli"];

/** Every .ts file under `root` (relative paths, "/" separators, sorted). */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) out.push(path.relative(root, p).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/** The module specifiers of a file's imports, exports-from, `import()` and `require()` calls. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function resolveRelative(from: string, spec: string, files: ReadonlySet<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const cand of [base, `${base}.ts`, `${base}.d.ts`, `${base}/index.ts`]) if (files.has(cand)) return cand;
  return null;
}

/** The file-level import graph of the .ts files under `root` (edges to other files under `root` only). */
export function importGraph(root: string): ImportGraph {
  const files = sourceFiles(root);
  const set = new Set(files);
  const graph: ImportGraph = new Map();
  for (const f of files) {
    const text = fs.readFileSync(path.join(root, f), "utf8");
    const deps = new Set<string>();
    for (const spec of importSpecifiers(text)) {
      const to = resolveRelative(f, spec, set);
      if (to !== null && to !== f) deps.add(to);
    }
    graph.set(f, [...deps].sort());
  }
  return graph;
}

/** The folder of a file: its first path segment, or "." for files at the root. */
export function folderOf(file: string): string {
  const k = file.indexOf("/");
  return k < 0 ? "." : file.slice(0, k);
}

/** The graph between folders: folder -> folders its files import (its own excluded). */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const out = new Map<string, Set<string>>();
  for (const [from, deps] of graph) {
    const f = folderOf(from);
    const set = out.get(f) ?? new Set<string>();
    out.set(f, set);
    for (const to of deps) if (folderOf(to) !== f) set.add(folderOf(to));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Imports that break `rules`; a folder missing from `rules` is reported on its first import of another folder. */
export function layerViolations(graph: ImportGraph, rules: LayerRules = RULES): Violation[] {
  const out: Violation[] = [];
  for (const [from, deps] of graph) {
    const fromFolder = folderOf(from);
    const r = rules[fromFolder];
    for (const to of deps) {
      const toFolder = folderOf(to);
      if (toFolder === fromFolder) continue;
      if (r === undefined) {
        out.push({
          from,
          to,
          fromFolder,
          toFolder,
          rule: `folder "${fromFolder}" has no rule in the architecture check`,
        });
      } else if (toFolder === "cli" && fromFolder !== "cli") {
        out.push({ from, to, fromFolder, toFolder, rule: "nothing imports cli" });
      } else if (r.allowed !== "*" && !r.allowed.includes(toFolder)) {
        out.push({ from, to, fromFolder, toFolder, rule: r.rule });
      }
    }
  }
  return out;
}

/**
 * The import cycles of the graph, one per strongly connected component of more than one file (Tarjan's algorithm,
 * Tarjan 1972, iterative), each given as one closed path through the component, files sorted within the start.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const deps = graph.get(v) ?? [];
      if (i < deps.length) {
        top[1] = i + 1;
        const w = deps[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) components.push(cyclePath(graph, new Set(comp)));
      }
    }
  }
  return components.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** One closed path inside a strongly connected component, from its first file (breadth-first back to it). */
function cyclePath(graph: ImportGraph, comp: ReadonlySet<string>): string[] {
  const start = [...comp].sort()[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of graph.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const pathBack = [v];
        while (pathBack[0] !== start) pathBack.unshift(prev.get(pathBack[0])!);
        return [...pathBack, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** console.* and process.exit calls (found in the syntax tree, so comments and strings do not count). */
export function outputCalls(file: string, text: string): OutputCall[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: OutputCall[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const obj = node.expression.text;
      const prop = node.name.text;
      if (obj === "console" || (obj === "process" && (prop === "exit" || prop === "exitCode"))) {
        out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, call: `${obj}.${prop}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** console.* / process.exit calls in files under `root` outside OUTPUT_FOLDERS. */
export function outputViolations(root: string, allowed: readonly string[] = OUTPUT_FOLDERS): OutputCall[] {
  const out: OutputCall[] = [];
  for (const f of sourceFiles(root)) {
    if (allowed.includes(folderOf(f))) continue;
    out.push(...outputCalls(f, fs.readFileSync(path.join(root, f), "utf8")));
  }
  return out;
}

/** Everything the check finds under a source root. */
export interface ArchitectureReport {
  readonly files: number;
  readonly edges: number;
  readonly cycles: string[][];
  /** Cycles between folders (a folder imports another that imports it back, through any files). */
  readonly folderCycles: string[][];
  readonly violations: Violation[];
  readonly output: OutputCall[];
}

/** Runs every rule on the source tree at `root`. */
export function checkArchitecture(root: string): ArchitectureReport {
  const graph = importGraph(root);
  let edges = 0;
  for (const deps of graph.values()) edges += deps.length;
  return {
    files: graph.size,
    edges,
    cycles: importCycles(graph),
    folderCycles: importCycles(folderGraph(graph)),
    violations: layerViolations(graph),
    output: outputViolations(root),
  };
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "src"));
  const r = checkArchitecture(root);
  const byRule = new Map<string, number>();
  for (const v of r.violations)
    byRule.set(`${v.fromFolder} -> ${v.toFolder}`, (byRule.get(`${v.fromFolder} -> ${v.toFolder}`) ?? 0) + 1);
  console.log(`${root}: ${r.files} files, ${r.edges} imports`);
  console.log(`import cycles (file level): ${r.cycles.length}`);
  for (const c of r.cycles) console.log(`  ${c.join(" -> ")}`);
  console.log(`folder-level cycles (strongly connected groups of folders): ${r.folderCycles.length}`);
  for (const c of r.folderCycles) console.log(`  ${c.join(" -> ")}`);
  console.log(`layering violations (imports): ${r.violations.length}`);
  for (const [k, n] of [...byRule].sort()) console.log(`  ${k}: ${n}`);
  for (const v of r.violations) console.log(`    ${v.from} -> ${v.to}`);
  console.log(`console/process.exit outside cli: ${r.output.length}`);
  for (const o of r.output) console.log(`  ${o.file}:${o.line} ${o.call}`);
}
