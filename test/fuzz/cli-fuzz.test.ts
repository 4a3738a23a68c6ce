import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { type Atom, dumpText, GLASS_L, glassAtoms, glassText, put, randomAtoms } from "./inputs";
import { type CliResult, CliRunner } from "./run-cli";

/**
 * Generated malformed inputs through every command (issue 14). Each case checks the exit code, that the message
 * names the file (and line where there is one), that no output or temporary file is left, and that the command
 * ends within a kill bound (the runner kills it otherwise; no timing is asserted).
 */
const ROOT = path.resolve(__dirname, "..", "..");
const BOUND_MS = 20000;

const cube = (L: number): [number, number][] => [
  [0, L],
  [0, L],
  [0, L],
];
const edit = (f: (a: Atom[]) => void): Atom[] => {
  const atoms = glassAtoms().map((a) => ({ ...a }));
  f(atoms);
  return atoms;
};
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("fuzz: malformed inputs through every command", function () {
  this.timeout(120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-fuzz-"));
  const runner = new CliRunner(ROOT);
  let outDir = "";
  let n = 0;
  after(() => {
    runner.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh, empty output folder for one case. */
  function freshOut(): string {
    outDir = path.join(dir, `out-${n++}`);
    fs.mkdirSync(outDir);
    return outDir;
  }

  /** Runs a case that must fail: exit code, the file (and line) in the message, nothing left behind. */
  async function refuses(
    argv: string[],
    want: { code?: number; file?: string; line?: boolean; message: RegExp },
  ): Promise<CliResult> {
    const res = await runner.run(argv, BOUND_MS);
    const what = `qsoft ${argv.join(" ")}\n${res.stderr}`;
    assert.equal(res.killed, false, `ran past the ${BOUND_MS} ms bound: ${what}`);
    assert.equal(res.code, want.code ?? 1, what);
    assert.doesNotMatch(res.stderr, /uncaught|\n\s+at /, `a stack trace: ${what}`);
    if (want.file !== undefined) {
      const at = want.line ? `${escapeRegExp(want.file)}:\\d+:` : escapeRegExp(want.file);
      assert.match(
        res.stderr,
        new RegExp(at),
        `the message names ${want.file}${want.line ? " and a line" : ""}: ${what}`,
      );
    }
    assert.match(res.stderr, want.message, what);
    assert.deepEqual(fs.readdirSync(outDir), [], `files left in the output folder: ${what}`);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")),
      [],
      `temporary files left: ${what}`,
    );
    return res;
  }

  async function succeeds(argv: string[]): Promise<CliResult> {
    const res = await runner.run(argv, BOUND_MS);
    assert.equal(res.killed, false, `ran past the bound: qsoft ${argv.join(" ")}`);
    assert.equal(res.code, 0, `qsoft ${argv.join(" ")}\n${res.stderr}`);
    return res;
  }

  const glass = () => put(dir, "glass.dump", glassText());
  // Slightly displaced copy with image flags, as a deformed frame.
  const deformed = () =>
    put(
      dir,
      "deformed.dump",
      dumpText({
        atoms: edit((a) => a.forEach((x, k) => (x.x += 0.01 * (k % 7)))),
        bounds: cube(GLASS_L),
        columns: ["id", "type", "x", "y", "z", "ix", "iy", "iz"],
      }),
    );

  /** Malformed dumps: name, text or bytes, and the expected message (line: the message has FILE:LINE). */
  const badDumps: { name: string; content: () => string | Uint8Array; line: boolean; message: RegExp }[] = [
    { name: "empty.dump", content: () => "", line: false, message: /empty|no frame|frame 0 not found/ },
    {
      name: "binary.dump",
      content: () => Uint8Array.from({ length: 3000 }, (_, k) => (k * 7919 + 13) % 256),
      line: true,
      message: /binary file/,
    },
    {
      name: "truncated.dump",
      content: () => glassText().slice(0, 2500),
      line: true,
      message: /file ends inside|fields, expected/,
    },
    {
      name: "nan.dump",
      content: () => glassText().replace(/\n7 (\d) \S+/, "\n7 $1 nan"),
      line: true,
      message: /"nan"/,
    },
    {
      name: "inf.dump",
      content: () => glassText().replace(/\n7 (\d) \S+/, "\n7 $1 inf"),
      line: true,
      message: /"inf"/,
    },
    {
      name: "hex.dump",
      content: () => glassText().replace(/\n7 (\d) \S+/, "\n7 $1 0x1A"),
      line: true,
      message: /"0x1A"/,
    },
    {
      name: "dup-id.dump",
      content: () => dumpText({ atoms: edit((a) => (a[9].id = 3)), bounds: cube(GLASS_L) }),
      line: true,
      message: /duplicate|twice/i,
    },
    {
      name: "count-high.dump",
      content: () => dumpText({ atoms: glassAtoms(), bounds: cube(GLASS_L), natomsText: "101" }),
      line: true,
      message: /file ends inside/,
    },
    {
      name: "count-low.dump",
      content: () => dumpText({ atoms: glassAtoms(), bounds: cube(GLASS_L), natomsText: "99" }),
      line: true,
      message: /more atom rows|expected an "ITEM:" line/,
    },
    {
      name: "no-z.dump",
      content: () => dumpText({ atoms: glassAtoms(), bounds: cube(GLASS_L), columns: ["id", "type", "x", "y"] }),
      line: true,
      message: /position columns/,
    },
    {
      name: "type-3.dump",
      content: () => dumpText({ atoms: edit((a) => (a[4].type = 3)), bounds: cube(GLASS_L) }),
      line: true,
      message: /type 3, outside the type map/,
    },
    {
      name: "bad-box.dump",
      content: () =>
        dumpText({
          atoms: glassAtoms(),
          bounds: [
            [0, GLASS_L],
            [GLASS_L, 0],
            [0, GLASS_L],
          ],
        }),
      line: true,
      message: /BOX|box|volume|bound/,
    },
    {
      name: "huge-box.dump",
      content: () => dumpText({ atoms: glassAtoms(), bounds: cube(1e6) }),
      line: false,
      message: /less dense than any solid/,
    },
    {
      name: "dense.dump",
      content: () => dumpText({ atoms: randomAtoms(200, 3, 3, 0.01), bounds: cube(3) }),
      line: false,
      message: /denser than any solid/,
    },
    {
      name: "ff-outside.dump",
      content: () => dumpText({ atoms: edit((a) => (a[5].x += 50)), bounds: cube(GLASS_L), boundary: "ff ff ff" }),
      line: true,
      message: /atom id 6 lies .* fixed/,
    },
    {
      name: "trailing.dump.gz",
      content: () => Buffer.concat([zlib.gzipSync(glassText()), Buffer.from("garbage after the gzip stream\n")]),
      line: false,
      message: /trailing garbage start at byte offset \d+/,
    },
    {
      name: "cut.dump.gz",
      content: () => zlib.gzipSync(glassText()).subarray(0, 900),
      line: false,
      message: /truncated|file ends inside/,
    },
  ];

  for (const bad of badDumps) {
    it(`${bad.name}: voronoi, featurize, d2min (either file) and predict refuse it, naming the file`, async () => {
      const file = put(dir, bad.name, bad.content());
      const want = { file, line: bad.line, message: bad.message };
      const types = ["--types", "Cu,Zr"];
      await refuses(["voronoi", file, ...types, "--out", path.join(freshOut(), "v.csv")], want);
      await refuses(["featurize", file, ...types, "--out", path.join(freshOut(), "f.csv")], want);
      await refuses(["d2min", file, deformed(), ...types, "--out", path.join(freshOut(), "d.csv")], want);
      if (!/less dense|denser/.test(bad.message.source))
        await refuses(["d2min", glass(), file, ...types, "--out", path.join(freshOut(), "d.csv")], want);
      await refuses(["predict", file, ...types, "--out", path.join(freshOut(), "qs.csv")], want);
    });
  }

  it("a multi-frame dump: --frame past the end names the frame count; --frame -1 reads the last", async () => {
    const file = put(dir, "two.dump", glassText({ timestep: 0 }) + glassText({ timestep: 100 }));
    await refuses(["voronoi", file, "--frame", "3", "--out", path.join(freshOut(), "v.csv")], {
      file,
      message: /frame 3 not found \(the file has 2 frames\)/,
    });
    const res = await succeeds(["voronoi", file, "--frame", "-1", "--out", path.join(freshOut(), "v.csv")]);
    assert.match(res.stdout, /timestep 100/);
  });

  it("coincident atoms: voronoi writes NaN for them and names their ids (a warning, not a wrong number)", async () => {
    const file = put(
      dir,
      "coincident.dump",
      dumpText({ atoms: edit((a) => Object.assign(a[1], { x: a[0].x, y: a[0].y, z: a[0].z })), bounds: cube(GLASS_L) }),
    );
    const out = path.join(freshOut(), "v.csv");
    const res = await succeeds(["voronoi", file, "--out", out]);
    assert.match(res.stdout, /warning: 2 atom\(s\) whose cell failed \(NaN in the CSV\), ids 1, 2/);
  });

  it("a directory or a missing file as input is named with what was expected; a pipe is read (case 8)", async () => {
    const folder = path.join(dir, "a-folder");
    fs.mkdirSync(folder, { recursive: true });
    const types = ["--types", "Cu,Zr"];
    for (const input of [folder, path.join(dir, "missing.dump")]) {
      const message = input === folder ? /is a directory, expected a text file/ : /no such file/;
      await refuses(["voronoi", input, "--out", path.join(freshOut(), "v.csv")], { file: input, message });
      await refuses(["featurize", input, ...types, "--out", path.join(freshOut(), "f.csv")], { file: input, message });
      await refuses(["d2min", glass(), input, "--out", path.join(freshOut(), "d.csv")], { file: input, message });
      await refuses(["predict", input, ...types, "--out", path.join(freshOut(), "qs.csv")], { file: input, message });
    }
    await refuses(["train", "--features", folder, "--labels", folder, "--out", path.join(freshOut(), "m.json")], {
      file: folder,
      message: /is a directory, expected a CSV file/,
    });
    const fifo = path.join(dir, "pipe.dump");
    execFileSync("mkfifo", [fifo]);
    const writing = fs.promises.writeFile(fifo, glassText());
    const piped = await runner.run(["voronoi", fifo, "--out", path.join(freshOut(), "v.csv")], BOUND_MS);
    // Should the command not have opened the pipe, a reader opened here keeps the writer from blocking forever.
    const unblock = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    await writing;
    fs.closeSync(unblock);
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /100 atoms/);
    await refuses(
      ["predict", "--features", folder, "--model", "cu65zr35-interstice", "--out", path.join(freshOut(), "qs.csv")],
      { file: folder, message: /is a directory, expected a CSV file/ },
    );
  });

  it("a bad --out is refused before any work in every command: a directory, an empty name, a missing folder (cases 5, 6)", async () => {
    const g = glass();
    const folder = path.join(dir, "out-folder");
    fs.mkdirSync(folder, { recursive: true });
    const commands = (out: string): string[][] => [
      ["voronoi", g, "--out", out],
      ["featurize", g, "--types", "Cu,Zr", "--out", out],
      ["d2min", g, deformed(), "--out", out],
      ["predict", g, "--types", "Cu,Zr", "--out", out],
      ["predict", "--features", g, "--model", "cu65zr35-interstice", "--out", out],
      ["train", "--features", g, "--labels", g, "--out", out],
    ];
    freshOut();
    for (const argv of commands(folder))
      await refuses(argv, { file: folder, message: /is a directory, expected the name of the output file/ });
    assert.deepEqual(fs.readdirSync(folder), []);
    for (const argv of commands(path.join(dir, "no-such-folder", "x.csv")))
      await refuses(argv, { file: "x.csv", message: /no-such-folder does not exist/ });
    for (const argv of commands("")) {
      const usage = argv[0] === "train" || argv[0] === "predict";
      await refuses(argv, { code: usage ? 2 : 1, message: usage ? /--out is required/ : /output file name is empty/ });
    }
    assert.deepEqual(
      fs
        .readdirSync(path.dirname(dir))
        .filter((f) => f.startsWith(".") && f.endsWith(".tmp") && f.includes(String(process.pid))),
      [],
    );
  });

  describe("tables and models", () => {
    let features = "";
    let labels = "";
    let model = "";
    before(async () => {
      features = path.join(dir, "features.csv");
      await succeeds(["featurize", glass(), "--types", "Cu,Zr", "--out", features]);
      // Labels: a d2min column with about half the atoms above the threshold 5.
      const ids = fs
        .readFileSync(features, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[0]);
      labels = put(dir, "labels.csv", `id,d2min\n${ids.map((id, k) => `${id},${(k * 37) % 10}`).join("\n")}\n`);
      model = path.join(dir, "model.json");
      await succeeds([
        "train",
        "--features",
        features,
        "--labels",
        labels,
        "--params",
        "nEstimators=5",
        "--folds",
        "2",
        "--out",
        model,
      ]);
    });
    const rows = () => fs.readFileSync(features, "utf8").trim().split("\n");
    const variant = (name: string, f: (lines: string[]) => string[]) => put(dir, name, f(rows()).join("\n") + "\n");
    const train = (feat: string, extra: string[] = []) => [
      "train",
      "--features",
      feat,
      "--labels",
      labels,
      "--params",
      "nEstimators=5",
      "--folds",
      "2",
      "--out",
      path.join(freshOut(), "m.json"),
      ...extra,
    ];

    it("NaN features are read as NaN and named by atom id and file line, with --drop-nan as the way out (case 10)", async () => {
      const file = variant("nan-features.csv", (l) =>
        l.map((line, k) => (k === 7 ? line.replace(/,[^,]+$/, ",NaN") : line)),
      );
      const id = rows()[7].split(",")[0];
      const message = new RegExp(`1 atom\\(s\\) have NaN features \\(id ${id} \\(line 8\\)[\\s\\S]*--drop-nan`);
      await refuses(train(file), { file, message });
      await refuses(["predict", "--features", file, "--model", model, "--out", path.join(freshOut(), "qs.csv")], {
        file,
        message,
      });
      const ok = await succeeds(train(file, ["--drop-nan"]));
      assert.match(ok.stdout, /left out 1 atom\(s\) with NaN features/);
      const out = path.join(freshOut(), "qs.csv");
      await succeeds(["predict", "--features", file, "--model", model, "--out", out, "--drop-nan"]);
      assert.equal(fs.readFileSync(out, "utf8").trim().split("\n").length, rows().length - 1);
    });

    it("malformed CSVs: empty, binary, ragged, non-numeric, missing id, duplicate ids; errors give file lines", async () => {
      const cases: [string, string | Uint8Array, RegExp, boolean][] = [
        ["empty.csv", "", /empty file/, false],
        [
          "binary.csv",
          Uint8Array.from({ length: 2000 }, (_, k) => (k * 131) % 256),
          /fields, expected|not numeric|no column/,
          false,
        ],
        [
          "ragged.csv",
          rows()
            .map((l, k) => (k === 5 ? l + ",1" : l))
            .join("\n"),
          /:6: \d+ fields, expected/,
          true,
        ],
        [
          "text-cell.csv",
          rows()
            .map((l, k) => (k === 12 ? l.replace(/,[^,]+$/, ",abc") : l))
            .join("\n"),
          /:13: column "[^"]+" is not numeric \("abc"\)/,
          true,
        ],
        [
          "no-id.csv",
          rows()
            .map((l) => l.slice(l.indexOf(",") + 1))
            .join("\n"),
          /no column "id"|no "id" column/,
          false,
        ],
        [
          "dup-id.csv",
          rows()
            .map((l, k) => (k === 4 ? rows()[3] : l))
            .join("\n"),
          /:5: duplicate id/,
          true,
        ],
      ];
      for (const [name, content, message, line] of cases) {
        const file = put(dir, name, content);
        await refuses(train(file), { file, line, message });
      }
    });

    it("bad labels and bad model files are named: NaN label, missing label column, empty/binary/missing model", async () => {
      const nanLabel = put(
        dir,
        "nan-labels.csv",
        fs.readFileSync(labels, "utf8").replace(/\n(\d+),\d+\n/, "\n$1,NaN\n"),
      );
      await refuses(
        [
          "train",
          "--features",
          features,
          "--labels",
          nanLabel,
          "--params",
          "nEstimators=5",
          "--folds",
          "2",
          "--out",
          path.join(freshOut(), "m.json"),
        ],
        {
          file: nanLabel,
          line: true,
          message: /the d2min of atom id \d+ is NaN/,
        },
      );
      await refuses(train(features, ["--label-column", "d2mim"]), { file: labels, message: /no column "d2mim"/ });
      for (const [name, content, message] of [
        ["empty.json", "", /cannot read model JSON/],
        ["binary.json", Uint8Array.from({ length: 500 }, (_, k) => (k * 97) % 256), /cannot read model JSON/],
        ["wrong.json", JSON.stringify({ format: "something else" }), /format|model/],
      ] as const) {
        const file = put(dir, name, content);
        await refuses(["predict", "--features", features, "--model", file, "--out", path.join(freshOut(), "qs.csv")], {
          file,
          message,
        });
        await refuses(
          ["predict", glass(), "--types", "Cu,Zr", "--model", file, "--out", path.join(freshOut(), "qs.csv")],
          { file, message },
        );
      }
      await refuses(
        [
          "predict",
          "--features",
          features,
          "--model",
          path.join(dir, "none.json"),
          "--out",
          path.join(freshOut(), "qs.csv"),
        ],
        { file: "none.json", message: /not found|no such file|ENOENT/ },
      );
      await refuses(
        [
          "predict",
          "--features",
          features,
          "--model",
          "no-such-shipped-model",
          "--out",
          path.join(freshOut(), "qs.csv"),
        ],
        { message: /no shipped model "no-such-shipped-model"/ },
      );
    });

    it("an unknown --exclude column is an error, not a silent feature (case 4)", async () => {
      await refuses(train(features, ["--exclude", "tpye"]), {
        code: 2,
        file: features,
        message: /--exclude: no column "tpye"/,
      });
    });

    it("predict takes the model's columns by name: --set order and extra sets do not change QS; shipped names work with --features (cases 2, 9)", async () => {
      const g = glass();
      const out = (name: string) => path.join(freshOut(), name);
      const a = out("a.csv");
      const b = out("b.csv");
      const c = out("c.csv");
      await succeeds(["predict", g, "--types", "Cu,Zr", "--model", model, "--set", "interstice,mro", "--out", a]);
      await succeeds(["predict", g, "--types", "Cu,Zr", "--model", model, "--set", "mro,interstice", "--out", b]);
      await succeeds(["predict", g, "--types", "Cu,Zr", "--model", model, "--set", "all", "--out", c]);
      const qs = fs.readFileSync(a, "utf8");
      assert.ok(qs.split("\n").length > 100);
      assert.equal(fs.readFileSync(b, "utf8"), qs);
      assert.equal(fs.readFileSync(c, "utf8"), qs);
      const reordered = variant("reordered.csv", (l) => l.map((line) => line.split(",").reverse().join(",")));
      const fromCsv = out("f.csv");
      await succeeds(["predict", "--features", reordered, "--model", model, "--out", fromCsv]);
      const byId = new Map(
        qs
          .trim()
          .split("\n")
          .slice(1)
          .map((l) => [l.split(",")[0], l.split(",")[2]]),
      );
      for (const line of fs.readFileSync(fromCsv, "utf8").trim().split("\n").slice(1)) {
        const [id, p] = line.split(",");
        if (byId.get(id) !== "NaN") assert.equal(p, byId.get(id), `atom ${id}`);
      }
      await succeeds([
        "predict",
        "--features",
        features,
        "--model",
        "cu65zr35-interstice",
        "--out",
        out("shipped.csv"),
      ]);
      const json = JSON.parse(fs.readFileSync(model, "utf8"), (k, v) => (k === "featureLabels" ? null : v));
      const nameless = put(dir, "nameless.json", JSON.stringify(json));
      await refuses(["predict", g, "--types", "Cu,Zr", "--model", nameless, "--out", out("x.csv")], {
        message: /carries no feature names/,
      });
      await refuses(["predict", "--features", features, "--model", nameless, "--out", out("x.csv")], {
        file: nameless,
        message: /without feature names/,
      });
    });

    it("d2min refuses an atom whose type differs between the frames, naming the id and both files (case 3)", async () => {
      const ref = glass();
      const def = put(
        dir,
        "retyped.dump",
        dumpText({ atoms: edit((a) => (a[6].type = a[6].type === 1 ? 2 : 1)), bounds: cube(GLASS_L) }),
      );
      await refuses(["d2min", ref, def, "--out", path.join(freshOut(), "d.csv")], {
        message: new RegExp(
          `atom id 7 has type \\d in reference \\(${escapeRegExp(ref)}\\) but type \\d in deformed \\(${escapeRegExp(def)}\\)`,
        ),
      });
    });

    it("d2min refuses frames that do not hold the same atoms: a missing atom, another id", async () => {
      const ref = glass();
      const fewer = put(dir, "fewer.dump", dumpText({ atoms: glassAtoms().slice(0, 99), bounds: cube(GLASS_L) }));
      await refuses(["d2min", ref, fewer, "--out", path.join(freshOut(), "d.csv")], {
        file: fewer,
        message: /has 100 atoms but deformed .* has 99/,
      });
      const renamed = put(
        dir,
        "renamed.dump",
        dumpText({ atoms: edit((a) => (a[50].id = 500)), bounds: cube(GLASS_L) }),
      );
      await refuses(["d2min", ref, renamed, "--out", path.join(freshOut(), "d.csv")], {
        file: renamed,
        message: /atom id 51 of reference .* is missing from deformed/,
      });
    });

    it("d2min and featurize refuse cutoffs the box or the memory cannot take, before any work (case 14)", async () => {
      const ref = deformed();
      for (const cutoff of ["60", "1e6"]) {
        await refuses(["d2min", ref, ref, "--cutoff", cutoff, "--out", path.join(freshOut(), "d.csv")], {
          file: ref,
          message: /neighbors per atom[\s\S]*use a smaller cutoff/,
        });
        await refuses(
          ["featurize", ref, "--types", "Cu,Zr", "--cutoff", cutoff, "--out", path.join(freshOut(), "f.csv")],
          { file: ref, message: /neighbors per atom[\s\S]*use a smaller cutoff/ },
        );
      }
      await refuses(["d2min", glass(), glass(), "--cutoff", "6", "--out", path.join(freshOut(), "d.csv")], {
        message: /half the deformed cell[\s\S]*minimum image/,
      });
    });
  });

  it("'-' reads the dump from standard input", async function () {
    this.timeout(60000);
    const { spawnSync } = await import("node:child_process");
    const out = path.join(freshOut(), "v.csv");
    const res = spawnSync(
      process.execPath,
      ["--require", "tsx/cjs", path.join(ROOT, "src", "cli", "main.ts"), "voronoi", "-", "--out", out],
      {
        cwd: ROOT,
        input: zlib.gzipSync(glassText()),
        encoding: "utf8",
        timeout: 30000,
      },
    );
    assert.equal(res.status, 0, res.stderr);
    assert.equal(fs.readFileSync(out, "utf8").trim().split("\n").length, 101);
  });
});
