import type { Citation } from "./featurizer";

/**
 * Sources of the literature feature sets (the paper's Methods, "Benchmarked Structural Signatures", and the symmetry
 * functions of Eqs. 2-3). Shared citations (the paper itself, Laws 2015, Miracle 2006) live in citations.ts.
 */
export { LAWS_2015, MIRACLE_2006, VAN_OOSTEROM_1983, WANG_JAIN_2019 } from "./citations";

export const OKABE_2009: Citation = Object.freeze({
  key: "Okabe2009",
  text: "A. Okabe, B. Boots, K. Sugihara & S. N. Chiu, Spatial Tessellations: Concepts and Applications of Voronoi Diagrams, 2nd ed. (Wiley, 2000)",
});

export const FRANK_KASPER_1958: Citation = Object.freeze({
  key: "FrankKasper1958",
  text: "F. C. Frank & J. S. Kasper, Complex alloy structures regarded as sphere packings. I. Definitions and basic principles, Acta Cryst. 11, 184-190 (1958)",
  doi: "10.1107/S0365110X58000487",
});

export const SHENG_2006: Citation = Object.freeze({
  key: "Sheng2006",
  text: "H. W. Sheng, W. K. Luo, F. M. Alamgir, J. M. Bai & E. Ma, Atomic packing and short-to-medium-range order in metallic glasses, Nature 439, 419-425 (2006)",
  doi: "10.1038/nature04421",
});

export const YANG_2012: Citation = Object.freeze({
  key: "Yang2012",
  text: "L. Yang et al., Atomic-scale mechanisms of the glass-forming ability in metallic glasses, Phys. Rev. Lett. 109, 105502 (2012)",
  doi: "10.1103/PhysRevLett.109.105502",
});

export const PENG_2011: Citation = Object.freeze({
  key: "Peng2011",
  text: "H. L. Peng, M. Z. Li & W. H. Wang, Structural signature of plastic deformation in metallic glasses, Phys. Rev. Lett. 106, 135503 (2011)",
  doi: "10.1103/PhysRevLett.106.135503",
});

export const STEINHARDT_1983: Citation = Object.freeze({
  key: "Steinhardt1983",
  text: "P. J. Steinhardt, D. R. Nelson & M. Ronchetti, Bond-orientational order in liquids and glasses, Phys. Rev. B 28, 784-805 (1983)",
  doi: "10.1103/PhysRevB.28.784",
});

export const LECHNER_DELLAGO_2008: Citation = Object.freeze({
  key: "LechnerDellago2008",
  text: "W. Lechner & C. Dellago, Accurate determination of crystal structures based on averaged local bond order parameters, J. Chem. Phys. 129, 114707 (2008)",
  doi: "10.1063/1.2977970",
});

export const COWLEY_1950: Citation = Object.freeze({
  key: "Cowley1950",
  text: "J. M. Cowley, An approximate theory of order in alloys, Phys. Rev. 77, 669-675 (1950)",
  doi: "10.1103/PhysRev.77.669",
});

export const BEHLER_PARRINELLO_2007: Citation = Object.freeze({
  key: "BehlerParrinello2007",
  text: "J. Behler & M. Parrinello, Generalized neural-network representation of high-dimensional potential-energy surfaces, Phys. Rev. Lett. 98, 146401 (2007)",
  doi: "10.1103/PhysRevLett.98.146401",
});

export const CUBUK_2015: Citation = Object.freeze({
  key: "Cubuk2015",
  text: "E. D. Cubuk et al., Identifying structural flow defects in disordered solids using machine-learning methods, Phys. Rev. Lett. 114, 108001 (2015)",
  doi: "10.1103/PhysRevLett.114.108001",
});

export const SCHOENHOLZ_2016: Citation = Object.freeze({
  key: "Schoenholz2016",
  text: "S. S. Schoenholz, E. D. Cubuk, D. M. Sussman, E. Kaxiras & A. J. Liu, A structural approach to relaxation in glassy liquids, Nat. Phys. 12, 469-471 (2016)",
  doi: "10.1038/nphys3644",
});
