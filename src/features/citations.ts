import type { Citation } from "./featurizer";

/** The paper this package reproduces: interstice SRO features and the MRO coarse-graining (Eq. 1). */
export const WANG_JAIN_2019: Citation = Object.freeze({
  key: "WangJain2019",
  text: "Q. Wang & A. Jain, A transferable machine-learning framework linking interstice distribution and plastic heterogeneity in metallic glasses, Nat. Commun. 10, 5537 (2019)",
  doi: "10.1038/s41467-019-13511-9",
});

/** The paper's source of atomic radii (its ref. 35). */
export const LAWS_2015: Citation = Object.freeze({
  key: "Laws2015",
  text: "K. J. Laws, D. B. Miracle & M. Ferry, A predictive structural model for bulk metallic glasses, Nat. Commun. 6, 8123 (2015)",
  doi: "10.1038/ncomms9123",
});

/** The table of atomic radii of Miracle et al. (see radii.ts). */
export const MIRACLE_2006: Citation = Object.freeze({
  key: "Miracle2006",
  text: "D. B. Miracle, E. A. Lord & S. Ranganathan, Candidate atomic cluster configurations in metallic glass structures, Mater. Trans. 47, 1737-1742 (2006)",
  doi: "10.2320/matertrans.47.1737",
});

/** The quickhull algorithm (qhull), used for the neighbor convex hull (paper ref. 42). */
export const BARBER_1996: Citation = Object.freeze({
  key: "Barber1996",
  text: "C. B. Barber, D. P. Dobkin & H. Huhdanpaa, The quickhull algorithm for convex hulls, ACM Trans. Math. Softw. 22, 469-483 (1996)",
  doi: "10.1145/235815.235821",
});

/** Solid angle of a triangle seen from a point (used for the volume interstice). */
export const VAN_OOSTEROM_1983: Citation = Object.freeze({
  key: "VanOosterom1983",
  text: "A. Van Oosterom & J. Strackee, The solid angle of a plane triangle, IEEE Trans. Biomed. Eng. BME-30, 125-126 (1983)",
  doi: "10.1109/TBME.1983.325207",
});

/** The authors' code (interstice, SRO/MRO featurizers) and its table of Miracle radii (see radii.ts). */
export const AMLEARN: Citation = Object.freeze({
  key: "amlearn",
  text: "Q. Wang, amlearn: machine learning in amorphous materials, https://github.com/Qi-max/amlearn (radius table amlearn/utils/PTE.json)",
});
