/** qsoft/geometry: Geometry on frames: exact periodic Voronoi and radical tessellations, convex hulls, solid angles, spatial blocks. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./tessellation";
export * from "./spatial-blocks";
export * from "./voronoi";
export * from "./voronoi-atoms";
export * from "./voronoi-neighbors";
export * from "./convex-hull";
export * from "./solid-angle";
