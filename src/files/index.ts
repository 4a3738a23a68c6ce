/** qsoft/files: Atomic file writing: a file appears complete or not at all. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./atomic-write";
