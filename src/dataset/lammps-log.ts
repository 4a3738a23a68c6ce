import * as fs from "node:fs";

/** One `run` of a LAMMPS log: its thermo table (columns as in thermo_style) and its loop timing. */
export interface ThermoRun {
  /** Column names of the thermo header line, e.g. ["Step", "v_strain", "Temp", ...]. */
  columns: string[];
  /** Values by column name, one entry per thermo line. */
  data: Map<string, Float64Array>;
  /** Line number (1-based) of the header in the log. */
  headerLine: number;
  /** From "Loop time of T on P procs for N steps with M atoms"; null when the run did not finish. */
  loop: { seconds: number; procs: number; steps: number; atoms: number } | null;
}

const loopPattern = /^Loop time of (\S+) on (\d+) procs for (\d+) steps with (\d+) atoms/;

/**
 * Reads every thermo table of a LAMMPS log file (LAMMPS manual, "thermo_style" and "Output from LAMMPS"):
 * a table starts at the line after "Per MPI rank memory allocation" and ends at "Loop time of ...".
 * WARNING lines inside a table are skipped; any other line that is not a row of numbers is an error naming
 * the file and line.
 */
export function readLammpsLog(file: string): ThermoRun[] {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
  const runs: ThermoRun[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].startsWith("Per MPI rank memory allocation")) continue;
    const headerLine = k + 1;
    const columns = (lines[headerLine] ?? "").trim().split(/\s+/);
    if (columns[0] !== "Step")
      throw new Error(
        `${file}:${headerLine + 1}: expected a thermo header starting with "Step", got "${lines[headerLine]}"`,
      );
    const values: number[][] = columns.map(() => []);
    let loop: ThermoRun["loop"] = null;
    let r = headerLine + 1;
    for (; r < lines.length; r++) {
      const line = lines[r].trim();
      const m = loopPattern.exec(line);
      if (m) {
        loop = { seconds: Number(m[1]), procs: Number(m[2]), steps: Number(m[3]), atoms: Number(m[4]) };
        break;
      }
      if (line === "" || line.startsWith("WARNING")) continue;
      const fields = line.split(/\s+/);
      const nums = fields.map(Number);
      if (fields.length !== columns.length || nums.some((x) => Number.isNaN(x))) {
        // An interrupted run ends its table without a Loop line (e.g. the log of a killed job).
        if (r === lines.length - 1 || /^(ERROR|Last command)/.test(line)) break;
        throw new Error(`${file}:${r + 1}: expected ${columns.length} numbers (${columns.join(" ")}), got "${line}"`);
      }
      nums.forEach((x, c) => values[c].push(x));
    }
    const data = new Map<string, Float64Array>();
    columns.forEach((c, i) => data.set(c, Float64Array.from(values[i])));
    runs.push({ columns, data, headerLine: headerLine + 1, loop });
    k = r;
  }
  return runs;
}

/** A column of a thermo run; throws naming the log when it is absent. */
export function thermoColumn(run: ThermoRun, name: string, file = "log"): Float64Array {
  const col = run.data.get(name);
  if (!col)
    throw new Error(
      `${file}: thermo table at line ${run.headerLine} has no column "${name}" (columns: ${run.columns.join(" ")})`,
    );
  return col;
}
