/** qsoft/io: Structure files: LAMMPS dumps (read, write), LAMMPS data files, extended XYZ, perfect crystals, parse errors. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./parse-error";
export * from "./dump-reader";
export * from "./dump-writer";
export * from "./extxyz";
export * from "./lammps-data";
export * from "./lattice";
