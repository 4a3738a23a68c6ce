/** qsoft/neighbors: Neighbor lists: the sorted-row NeighborList contract, cutoff neighbors on a cell list, k nearest neighbors. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./neighbor-list";
export * from "./cutoff-neighbors";
export * from "./atom-cutoff-neighbors";
export * from "./k-nearest";
