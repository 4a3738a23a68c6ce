import { Cell } from "../structure/cell";
import { parseDecimal } from "./decimal";
import { resolvePositions } from "./atom-positions";
import type { Frame } from "../structure/frame";
import { sortById } from "../structure/frame";
import { cellFromBox } from "../structure/lammps-box";
import { readLinesSync } from "./line-reader";
import { ParseError } from "./parse-error";

/** Options of `readLammpsData`. */
export interface ReadLammpsDataOptions {
  /** Element type map: type t is types[t - 1]. Default: the file's "Atom Type Labels" section when present, else none. */
  types?: string[];
  /** Periodic flag per direction (a data file does not record boundaries); default all periodic. */
  periodic?: [boolean, boolean, boolean];
  /** Sort atoms by id (default: file order). */
  sort?: boolean;
}

/** Header keywords of a data file (LAMMPS manual, `read_data`), longest first so "atom types" wins over "atoms". */
const HEADER_KEYWORDS = [
  "extra bond per atom",
  "extra angle per atom",
  "extra dihedral per atom",
  "extra improper per atom",
  "extra special per atom",
  "ellipsoids",
  "lines",
  "triangles",
  "bodies",
  "atom types",
  "bond types",
  "angle types",
  "dihedral types",
  "improper types",
  "atoms",
  "bonds",
  "angles",
  "dihedrals",
  "impropers",
  "xlo xhi",
  "ylo yhi",
  "zlo zhi",
  "xy xz yz",
  "avec",
  "bvec",
  "cvec",
  "abc origin",
];

/** Sections and the header count giving their number of lines. */
const SECTION_COUNTS: Record<string, (c: Map<string, number>) => number> = {
  Atoms: (c) => c.get("atoms") ?? 0,
  Velocities: (c) => c.get("atoms") ?? 0,
  Masses: (c) => c.get("atom types") ?? 0,
  "Atom Type Labels": (c) => c.get("atom types") ?? 0,
  "Pair Coeffs": (c) => c.get("atom types") ?? 0,
  "PairIJ Coeffs": (c) => ((c.get("atom types") ?? 0) * ((c.get("atom types") ?? 0) + 1)) / 2,
  Bonds: (c) => c.get("bonds") ?? 0,
  Angles: (c) => c.get("angles") ?? 0,
  Dihedrals: (c) => c.get("dihedrals") ?? 0,
  Impropers: (c) => c.get("impropers") ?? 0,
  "Bond Coeffs": (c) => c.get("bond types") ?? 0,
  "Angle Coeffs": (c) => c.get("angle types") ?? 0,
  "Dihedral Coeffs": (c) => c.get("dihedral types") ?? 0,
  "Improper Coeffs": (c) => c.get("improper types") ?? 0,
  "Bond Type Labels": (c) => c.get("bond types") ?? 0,
  "Angle Type Labels": (c) => c.get("angle types") ?? 0,
  "Dihedral Type Labels": (c) => c.get("dihedral types") ?? 0,
  "Improper Type Labels": (c) => c.get("improper types") ?? 0,
};

/** Per-line fields of the supported atom styles (`Atoms # style`), without the 3 optional image flags. */
const ATOM_STYLES: Record<string, { fields: number; q: boolean }> = {
  atomic: { fields: 5, q: false }, // id type x y z
  charge: { fields: 6, q: true }, // id type q x y z
};

/** Splits off a "#" comment. */
function stripComment(line: string): { text: string; comment: string } {
  const k = line.indexOf("#");
  return k < 0
    ? { text: line.trim(), comment: "" }
    : { text: line.slice(0, k).trim(), comment: line.slice(k + 1).trim() };
}

/**
 * Reads a LAMMPS data file (as written by `write_data`; LAMMPS manual, `read_data`) with atom style `atomic`
 * (`id type x y z [ix iy iz]`) or `charge` (`id type q x y z [ix iy iz]`; q goes to `columns.get("q")`).
 * Header: atom count, atom types, `xlo xhi`, `ylo yhi`, `zlo zhi`, optional `xy xz yz` tilts, or the general
 * triclinic `avec`/`bvec`/`cvec`/`abc origin`. Masses become the per-atom column `columns.get("mass")`;
 * `Atom Type Labels` give the element names when no type map is passed; `Velocities` and force-field sections are
 * skipped. The timestep is read from write_data's first line ("timestep = N"), else 0.
 */
export function readLammpsData(path: string, options: ReadLammpsDataOptions = {}): Frame {
  const lines = readLinesSync(path);
  const fail = (line: number, problem: string): never => {
    throw new ParseError(path, line, problem);
  };
  if (lines.length === 0) fail(0, "empty file");
  const ts = /timestep\s*=\s*(\d+)/.exec(lines[0]);
  const timestep = ts ? Number(ts[1]) : 0;

  // Header: from line 2 to the first section keyword.
  const counts = new Map<string, number>();
  const vectors = new Map<string, number[]>();
  const bounds = new Map<string, [number, number]>();
  const keywordLine = new Map<string, number>();
  let tilt: [number, number, number] | null = null;
  let k = 1;
  for (; k < lines.length; k++) {
    const { text } = stripComment(lines[k]);
    if (text === "") continue;
    if (/^[A-Z]/.test(text)) break; // a section keyword (sections are capitalised, header keywords are not)
    const kw = HEADER_KEYWORDS.find((h) => text.endsWith(" " + h) || text === h);
    if (kw === undefined) fail(k + 1, `unknown header line "${text}"`);
    const nums = text
      .slice(0, text.length - kw!.length)
      .trim()
      .split(/\s+/)
      .filter((s) => s !== "");
    const values = nums.map((s) => parseDecimal(s, 0, s.length));
    if (values.some((v) => !Number.isFinite(v))) fail(k + 1, `non-numeric value in header line "${text}"`);
    const expect =
      kw === "xy xz yz" || kw === "avec" || kw === "bvec" || kw === "cvec" || kw === "abc origin"
        ? 3
        : kw!.endsWith("hi")
          ? 2
          : 1;
    if (values.length !== expect)
      fail(k + 1, `"${kw}" needs ${expect} number${expect > 1 ? "s" : ""}, got ${values.length}`);
    keywordLine.set(kw!, k + 1);
    if (expect === 1) {
      if (!Number.isSafeInteger(values[0]) || values[0] < 0)
        fail(k + 1, `"${kw}" must be a non-negative integer, got ${nums[0]}`);
      counts.set(kw!, values[0]);
    } else if (kw!.endsWith("hi")) bounds.set(kw![0], [values[0], values[1]]);
    else if (kw === "xy xz yz") tilt = [values[0], values[1], values[2]];
    else vectors.set(kw!, values);
  }
  const natoms = counts.get("atoms");
  if (natoms === undefined) fail(k + 1, 'header has no "atoms" line');
  const ntypes = counts.get("atom types");
  if (ntypes === undefined || ntypes < 1) fail(k + 1, 'header has no (or a zero) "atom types" line');
  const n = natoms!;
  const periodic = options.periodic ?? [true, true, true];

  let cell: Cell;
  if (vectors.size > 0) {
    const need = ["avec", "bvec", "cvec", "abc origin"];
    const missing = need.filter((v) => !vectors.has(v));
    if (missing.length > 0) fail(k, `general triclinic header lacks ${missing.join(", ")}`);
    try {
      cell = new Cell(
        [...vectors.get("avec")!, ...vectors.get("bvec")!, ...vectors.get("cvec")!],
        vectors.get("abc origin")!,
        periodic,
      );
    } catch (e) {
      return fail(keywordLine.get("avec")!, `bad box: ${(e as Error).message}`);
    }
  } else {
    const b = ["x", "y", "z"].map((d) => bounds.get(d) ?? [-0.5, 0.5]); // LAMMPS default box is -0.5 .. 0.5
    ["x", "y", "z"].forEach((d, i) => {
      const len = b[i][1] - b[i][0];
      if (!(len > 0))
        fail(
          keywordLine.get(`${d}lo ${d}hi`) ?? k,
          `bad box: box length along ${d} is ${len} (${d}lo ${b[i][0]}, ${d}hi ${b[i][1]}); it must be positive`,
        );
    });
    try {
      cell = cellFromBox(
        { lo: [b[0][0], b[1][0], b[2][0]], hi: [b[0][1], b[1][1], b[2][1]], tilt: tilt ?? [0, 0, 0] },
        periodic,
      );
    } catch (e) {
      return fail(k, `bad box: ${(e as Error).message}`);
    }
  }

  let elements: string[] | null = options.types ? [...options.types] : null;
  let labels: string[] | null = null;
  const massByType = new Float64Array(ntypes! + 1).fill(NaN);
  let haveMasses = false;
  let atoms: {
    ids: Int32Array;
    types: Int32Array;
    coords: Float64Array;
    images: Int32Array | null;
    q: Float64Array | null;
    lines: Int32Array;
  } | null = null;

  // Sections.
  while (k < lines.length) {
    const { text, comment } = stripComment(lines[k]);
    if (text === "") {
      k++;
      continue;
    }
    const name = text;
    const count = SECTION_COUNTS[name];
    if (count === undefined) fail(k + 1, `unknown section "${name}"`);
    const headerLine = k + 1;
    const style = comment.split(/\s+/)[0] || null;
    if (name === "Atoms" && style !== null && ATOM_STYLES[style] === undefined) {
      fail(headerLine, `atom style "${style}" is not supported (atomic or charge)`);
    }
    const m = count!(counts);
    // Collect the section's m non-blank lines (blank lines and comments are skipped).
    const body: { text: string; line: number; comment: string }[] = [];
    k++;
    while (body.length < m && k < lines.length) {
      const s = stripComment(lines[k]);
      if (s.text !== "") {
        if (/^[A-Z]/.test(s.text) && SECTION_COUNTS[s.text] !== undefined) {
          fail(k + 1, `section "${name}" (line ${headerLine}) has ${body.length} lines, expected ${m}`);
        }
        body.push({ text: s.text, line: k + 1, comment: s.comment });
      }
      k++;
    }
    if (body.length < m)
      fail(
        lines.length,
        `file ends inside section "${name}" (line ${headerLine}): ${body.length} of ${m} lines (truncated file?)`,
      );

    if (name === "Masses") {
      for (const row of body) {
        const f = row.text.split(/\s+/);
        const t = Number(f[0]);
        const mass = parseDecimal(f[1] ?? "", 0, (f[1] ?? "").length);
        if (f.length !== 2 || !Number.isInteger(t) || t < 1 || t > ntypes! || !(mass > 0) || !Number.isFinite(mass)) {
          fail(
            row.line,
            `Masses line must be "type mass" with 1 <= type <= ${ntypes} and a positive mass, got "${row.text}"`,
          );
        }
        massByType[t] = mass;
      }
      haveMasses = true;
    } else if (name === "Atom Type Labels") {
      labels = new Array<string>(ntypes!);
      for (const row of body) {
        const f = row.text.split(/\s+/);
        const t = Number(f[0]);
        if (f.length !== 2 || !Number.isInteger(t) || t < 1 || t > ntypes!)
          fail(row.line, `type label line must be "type label", got "${row.text}"`);
        labels[t - 1] = f[1];
      }
    } else if (name === "Atoms") {
      atoms = parseAtoms(body, style, n, ntypes!, elements, path, headerLine);
    }
  }
  if (atoms === null && n > 0) fail(lines.length, 'no "Atoms" section');
  atoms ??= {
    ids: new Int32Array(0),
    types: new Int32Array(0),
    coords: new Float64Array(0),
    images: null,
    q: null,
    lines: new Int32Array(0),
  };
  if (elements === null && labels !== null) {
    elements = labels.map((l, t) => l ?? `type${t + 1}`);
  }
  const a = atoms!;
  const resolved = resolvePositions(cell!, n, { coords: a.coords, scaled: false }, null, a.images);
  const columns = new Map<string, Float64Array>();
  if (haveMasses) {
    const mass = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      mass[i] = massByType[a.types[i]];
      if (Number.isNaN(mass[i])) fail(a.lines[i], `atom type ${a.types[i]} has no entry in Masses`);
    }
    columns.set("mass", mass);
  }
  if (a.q) columns.set("q", a.q);
  const flag = (p: boolean) => (p ? "pp" : "ff");
  let frame: Frame = {
    timestep,
    natoms: n,
    ids: a.ids,
    types: a.types,
    positions: resolved.positions,
    unwrapped: resolved.unwrapped,
    images: resolved.images,
    cell: cell!,
    boundary: [flag(periodic[0]), flag(periodic[1]), flag(periodic[2])],
    columns,
    elements,
    source: { file: path, frameIndex: 0, line: 1 },
  };
  if (options.sort) frame = sortById(frame);
  return frame;
}

/** Parses the lines of an `Atoms` section (atomic or charge style, with or without image flags). */
function parseAtoms(
  body: { text: string; line: number }[],
  style: string | null,
  n: number,
  ntypes: number,
  elements: string[] | null,
  file: string,
  headerLine: number,
) {
  const fail = (line: number, problem: string): never => {
    throw new ParseError(file, line, problem);
  };
  let spec = style ? ATOM_STYLES[style] : undefined;
  if (style !== null && spec === undefined) {
    fail(headerLine, `atom style "${style}" is not supported (atomic or charge)`);
  }
  const first = n > 0 ? body[0].text.split(/\s+/).length : 5;
  if (spec === undefined) {
    // No style comment: atomic when the field count fits.
    if (first !== 5 && first !== 8)
      fail(body[0].line, `cannot tell the atom style from ${first} fields; add "# atomic" or "# charge" after "Atoms"`);
    spec = ATOM_STYLES.atomic;
  }
  const withImages = first === spec!.fields + 3;
  if (n > 0 && first !== spec!.fields && !withImages) {
    fail(
      body[0].line,
      `atom line has ${first} fields; style ${style ?? "atomic"} needs ${spec!.fields} (or ${spec!.fields + 3} with image flags)`,
    );
  }
  const nf = withImages ? spec!.fields + 3 : spec!.fields;
  const xAt = spec!.q ? 3 : 2;
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  const coords = new Float64Array(3 * n);
  const images = withImages ? new Int32Array(3 * n) : null;
  const q = spec!.q ? new Float64Array(n) : null;
  const lines = new Int32Array(n);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const { text, line } = body[i];
    const f = text.split(/\s+/);
    if (f.length !== nf) fail(line, `atom line has ${f.length} fields, expected ${nf}`);
    const v = f.map((s) => parseDecimal(s, 0, s.length));
    for (let j = 0; j < nf; j++) if (!Number.isFinite(v[j])) fail(line, `value "${f[j]}" is not a finite number`);
    if (!Number.isInteger(v[0]) || v[0] < 1 || v[0] > 0x7fffffff)
      fail(line, `atom id ${f[0]} is not a positive integer`);
    if (!Number.isInteger(v[1]) || v[1] < 1 || v[1] > ntypes)
      fail(line, `atom type ${f[1]} is outside 1..${ntypes} (header "atom types")`);
    if (elements && v[1] > elements.length)
      fail(line, `atom id ${v[0]} has type ${v[1]}, outside the type map [${elements.join(", ")}]`);
    const prev = seen.get(v[0]);
    if (prev !== undefined) fail(line, `duplicate atom id ${v[0]} (also on line ${prev})`);
    seen.set(v[0], line);
    ids[i] = v[0];
    types[i] = v[1];
    if (q) q[i] = v[2];
    for (let d = 0; d < 3; d++) coords[3 * i + d] = v[xAt + d];
    if (images) {
      for (let d = 0; d < 3; d++) {
        const im = v[xAt + 3 + d];
        if (!Number.isInteger(im)) fail(line, `image flag ${f[xAt + 3 + d]} is not an integer`);
        images[3 * i + d] = im;
      }
    }
    lines[i] = line;
  }
  return { ids, types, coords, images, q, lines };
}
