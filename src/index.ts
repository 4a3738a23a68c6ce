/** qsoft public API: re-exports only. */
export { Cell } from "./geometry/cell";
export type { Frame } from "./io/frame";
export { elementOf, elementsOf, indexById, selectAtoms, sortById } from "./io/frame";
export type { NeighborList } from "./neighbors/neighbor-list";
export { neighborCount, neighborCounts } from "./neighbors/neighbor-list";
export type { FaceFilter, Tessellation } from "./geometry/tessellation";
export type { Citation, FeatureMatrix } from "./features/featurizer";
