import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeSurfaces, type SurfaceEntry } from "../scripts/api-surface";

const root = path.join(__dirname, "..");

/** Names imported from "qsoft" in a text (`import { a, type B } from "qsoft"`). */
function importedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"qsoft"/g)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]
        .trim();
      if (name !== "") out.push(name);
    }
  }
  return out;
}

describe("public API (src/index.ts)", function () {
  this.timeout(120000);
  const folders = fs
    .readdirSync(path.join(root, "src"))
    .filter((f) => fs.existsSync(path.join(root, "src", f, "index.ts")));
  let surface: SurfaceEntry[];
  const barrels = new Map<string, Set<string>>();
  before(() => {
    const all = describeSurfaces([
      path.join(root, "src", "index.ts"),
      ...folders.map((f) => path.join(root, "src", f, "index.ts")),
    ]);
    surface = all[0];
    folders.forEach((f, k) => barrels.set(f, new Set(all[k + 1].map((e) => e.name))));
  });

  it("gives every root name a one-line doc comment at its declaration", () => {
    const undocumented = surface.filter((e) => e.doc === "").map((e) => `${e.name} (src/${e.where}.ts)`);
    assert.deepEqual(undocumented, [], `undocumented root exports: ${undocumented.join(", ")}`);
  });

  it("lists exactly the root names in docs/api.md", () => {
    const page = fs.readFileSync(path.join(root, "docs", "api.md"), "utf8");
    const at = page.indexOf("## The root names");
    assert.ok(at >= 0, 'docs/api.md has no "## The root names" section');
    const doc = page.slice(at);
    const listed = [...doc.matchAll(/^\| `([A-Za-z0-9_$]+)`/gm)].map((m) => m[1]).sort();
    const exported = surface.map((e) => e.name).sort();
    assert.deepEqual(
      listed.filter((n) => !exported.includes(n)),
      [],
      "docs/api.md lists names that qsoft does not export (regenerate: npx tsx scripts/api-surface.ts src/index.ts --markdown)",
    );
    assert.deepEqual(
      exported.filter((n) => !listed.includes(n)),
      [],
      "qsoft exports names that docs/api.md does not list",
    );
  });

  it("exports every name the notebooks, README and docs import from qsoft", () => {
    const exported = new Set(surface.map((e) => e.name));
    const texts: [string, string][] = [];
    for (const f of fs.readdirSync(path.join(root, "notebooks")).filter((f) => f.endsWith(".ipynb"))) {
      const nb = JSON.parse(fs.readFileSync(path.join(root, "notebooks", f), "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      const code = nb.cells
        .filter((c) => c.cell_type === "code")
        .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
      texts.push([`notebooks/${f}`, code.join("\n")]);
    }
    const docs = fs
      .readdirSync(path.join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`);
    for (const f of ["README.md", "kernel/README.md", ...docs])
      texts.push([f, fs.readFileSync(path.join(root, f), "utf8")]);
    const missing: string[] = [];
    let seen = 0;
    for (const [file, text] of texts) {
      for (const name of importedNames(text)) {
        seen++;
        if (!exported.has(name)) missing.push(`${file}: ${name}`);
      }
    }
    assert.ok(seen > 50, `found only ${seen} imports from qsoft: the import pattern no longer matches`);
    assert.deepEqual(missing, []);
  });

  it("finds every root name under the same name in the subpath entry of the folder that declares it", () => {
    const missing = surface
      .filter((e) => !barrels.get(e.where.split("/")[0])?.has(e.name))
      .map((e) => `${e.name} (src/${e.where}.ts)`);
    assert.deepEqual(missing, []);
  });

  it("loads the root and every subpath barrel at run time, each value name defined (no import-order holes)", () => {
    const all = describeSurfaces(folders.map((f) => path.join(root, "src", f, "index.ts")));
    const undefinedNames: string[] = [];
    const check = (file: string, entries: SurfaceEntry[]) => {
      const mod = require(file) as Record<string, unknown>;
      for (const e of entries)
        if (e.kind === "value" && mod[e.name] === undefined) undefinedNames.push(`${e.name} (${file})`);
    };
    check(path.join(root, "src", "index.ts"), surface);
    folders.forEach((f, k) => check(path.join(root, "src", f, "index.ts"), all[k]));
    assert.ok(surface.filter((e) => e.kind === "value").length > 50);
    assert.deepEqual(undefinedNames, []);
  });

  it("backs every subpath entry of package.json exports with a src/<folder>/index.ts barrel", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      main: string;
      types: string;
      exports: Record<string, string | { types: string; default: string }>;
    };
    assert.equal(pkg.main, "dist/index.js", "tslab ignores exports: main must stay");
    assert.equal(pkg.types, "dist/index.d.ts");
    assert.equal(pkg.exports["./package.json"], "./package.json");
    const subpaths = Object.entries(pkg.exports).filter(([k]) => k !== "./package.json");
    assert.ok(subpaths.length > 5);
    for (const [subpath, entry] of subpaths) {
      assert.ok(typeof entry === "object", subpath);
      const folder = subpath === "." ? "" : `${subpath.slice(2)}/`;
      assert.equal(entry.types, `./dist/${folder}index.d.ts`, subpath);
      assert.equal(entry.default, `./dist/${folder}index.js`, subpath);
      assert.ok(fs.existsSync(path.join(root, "src", folder, "index.ts")), `${subpath}: no src/${folder}index.ts`);
    }
  });
});
