import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  checkArchitecture,
  folderGraph,
  folderOf,
  type ImportGraph,
  importCycles,
  importSpecifiers,
  layerViolations,
  outputCalls,
  RULES,
} from "../scripts/architecture";

// The rules themselves are stated in docs/architecture.md; scripts/architecture.ts prints every finding.
describe("architecture (the import rules of docs/architecture.md)", () => {
  const report = checkArchitecture(path.join(__dirname, "..", "src"));

  it("src/ has no file-level import cycle", () => {
    assert.deepEqual(report.cycles, []);
  });

  it("src/ has no import cycle between folders", () => {
    assert.deepEqual(report.folderCycles, []);
  });

  it("every import of src/ follows the floors", () => {
    assert.deepEqual(
      report.violations.map((v) => `${v.from} -> ${v.to}: ${v.rule}`),
      [],
    );
  });

  it("only src/cli/ calls console.* or process.exit", () => {
    assert.deepEqual(
      report.output.map((o) => `${o.file}:${o.line} ${o.call}`),
      [],
    );
  });

  it("every src folder has a rule", () => {
    const src = path.join(__dirname, "..", "src");
    const missing = fs
      .readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory() && RULES[e.name] === undefined)
      .map((e) => e.name);
    assert.deepEqual(missing, []);
  });
});

describe("test/ mirrors src/", () => {
  it("every src folder has a test folder of the same name", () => {
    const root = path.join(__dirname, "..");
    const missing = fs
      .readdirSync(path.join(root, "src"), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !fs.existsSync(path.join(root, "test", e.name)))
      .map((e) => e.name);
    assert.deepEqual(missing, []);
  });
});

describe("architecture checker", () => {
  it("reports a layering violation and a cycle in a small fake graph", () => {
    const graph: ImportGraph = new Map([
      ["ml/model.ts", ["table/csv.ts", "features/featurizer.ts"]],
      ["features/featurizer.ts", ["features/context.ts", "structure/frame.ts"]],
      ["features/context.ts", ["features/featurizer.ts"]],
      ["structure/frame.ts", ["structure/cell.ts"]],
      ["structure/cell.ts", []],
      ["table/csv.ts", ["files/atomic-write.ts"]],
      ["files/atomic-write.ts", []],
    ]);
    const v = layerViolations(graph);
    assert.equal(v.length, 1);
    assert.equal(v[0].from, "ml/model.ts");
    assert.equal(v[0].to, "features/featurizer.ts");
    assert.match(v[0].rule, /ml imports nothing about structures/);
    assert.deepEqual(importCycles(graph), [["features/context.ts", "features/featurizer.ts", "features/context.ts"]]);
    assert.deepEqual(importCycles(folderGraph(graph)), []);
    graph.set("structure/cell.ts", ["ml/model.ts"]);
    assert.equal(importCycles(folderGraph(graph)).length, 1);
  });

  it("finds a three-file cycle, reports each cycle once, and none in a chain", () => {
    const graph: ImportGraph = new Map([
      ["io/a.ts", ["io/b.ts"]],
      ["io/b.ts", ["io/c.ts"]],
      ["io/c.ts", ["io/a.ts"]],
      ["io/d.ts", ["io/a.ts"]],
    ]);
    assert.deepEqual(importCycles(graph), [["io/a.ts", "io/b.ts", "io/c.ts", "io/a.ts"]]);
    assert.deepEqual(
      importCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", ["c.ts"]],
          ["c.ts", []],
        ]),
      ),
      [],
    );
  });

  it("refuses ground-floor imports upward, plot importing structures, imports of cli and unknown folders", () => {
    const graph: ImportGraph = new Map([
      ["structure/frame.ts", ["io/dump-reader.ts"]],
      ["plot/atoms.ts", ["structure/cell.ts", "table/csv.ts", "files/atomic-write.ts"]],
      ["features/x.ts", ["cli/main.ts"]],
      ["newfolder/y.ts", ["table/csv.ts"]],
      ["cli/main.ts", ["ml/model.ts", "features/x.ts"]],
    ]);
    assert.deepEqual(
      layerViolations(graph).map((v) => `${v.from} -> ${v.to}`),
      [
        "structure/frame.ts -> io/dump-reader.ts",
        "plot/atoms.ts -> structure/cell.ts",
        "features/x.ts -> cli/main.ts",
        "newfolder/y.ts -> table/csv.ts",
      ],
    );
  });

  it("reads static, type-only, multi-line, re-export and dynamic imports", () => {
    const text = [
      'import type { A } from "../structure/frame";',
      "import {",
      "  b,",
      "  c,",
      '} from "./b";',
      'export * from "../table/csv";',
      'const m = await import("../ml/model");',
      'const r = require("node:fs");',
      '// import { x } from "./commented-out";',
    ].join("\n");
    assert.deepEqual(importSpecifiers(text), ["../structure/frame", "./b", "../table/csv", "../ml/model", "node:fs"]);
  });

  it("finds console.* and process.exit in code, not in comments or strings", () => {
    const text = [
      "// console.log('not code')",
      'const s = "console.warn(x)";',
      "export function f(): void {",
      "  console.warn('printed');",
      "  process.exit(1);",
      "}",
    ].join("\n");
    assert.deepEqual(
      outputCalls("labels/x.ts", text).map((o) => `${o.line} ${o.call}`),
      ["4 console.warn", "5 process.exit"],
    );
  });

  it("names a file's folder by its first path segment", () => {
    assert.equal(folderOf("ml/metrics/roc.ts"), "ml");
    assert.equal(folderOf("index.ts"), ".");
  });
});
