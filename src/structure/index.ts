/** qsoft/structure: The atomic structure every stage shares: frames (typed-array positions, types, ids) and periodic cells. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./frame";
export * from "./cell";
