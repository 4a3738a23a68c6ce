/** qsoft/dataset: The shipped LAMMPS glasses: manifest, samples by id, checksums, LAMMPS logs. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./manifest";
export * from "./dataset";
export * from "./sample";
export * from "./checksum";
export * from "./lammps-log";
