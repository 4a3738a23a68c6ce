/** qsoft/features: Featurizers (matminer-like): interstice SRO and MRO, the literature feature sets, the list of feature sets, featurize(). The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./featurizer";
export * from "./context";
export * from "./compute-features";
export * from "./feature-set";
export * from "./feature-sets";
export * from "./interstice-sets";
export * from "./literature-sets";
export * from "./radii";
export * from "./coarse-grain";
export * from "./interstice";
export * from "./interstice-kernels";
export * from "./mro";
export * from "./routed-mro";
export * from "./concat-featurizer";
export * from "./coordination";
export * from "./voronoi-index";
export * from "./motifs";
export * from "./volume-metrics";
export * from "./ifold-symmetry";
export * from "./boop";
export * from "./chemical-sro";
export * from "./symmetry-functions";
export * from "./wigner3j";
export * from "./species-roles";
export * from "./feature-descriptions";
