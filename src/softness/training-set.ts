import type { Sample } from "../dataset/sample";
import type { FeaturizeOptions } from "../features/compute-features";
import type { FeatureMatrix } from "../table/feature-matrix";
import { PLASTIC_STRAIN, resolvePlasticThreshold } from "../labels/plastic";
import { spatialBlocks } from "../geometry/spatial-blocks";
import { sampleFeatures } from "./sample-features";

/** One glass as rows for the classifier: features of the quenched frame and plastic labels at a strain. */
export interface LabeledGlass {
  /** Sample id, e.g. "Cu65Zr35_1e13_s1". */
  name: string;
  /** Features of the kept atoms (rows in id order). */
  X: FeatureMatrix;
  /** 1 = plastic (D2min > threshold at the strain). */
  y: Uint8Array;
  /** D2min of the kept atoms. */
  d2min: Float64Array;
  /** Ids and types of the kept atoms. */
  ids: Int32Array;
  types: Int32Array;
  /** Row of each kept atom in the quenched frame. */
  rows: Int32Array;
  /** Atoms left out because a feature was not finite (degenerate geometry; see docs/features.md). */
  droppedNonFinite: number;
  /** Spatial block of each kept atom (`spatialBlocks`), when `blocks` was given: CV groups for `cv: "group"`. */
  groups?: Int32Array;
}

export interface LabeledGlassOptions {
  sets: readonly string[];
  featureOptions?: FeaturizeOptions;
  strain?: number;
  threshold?: number;
  /** Keep only atoms of this element (the paper's host atoms for Ni-Nb, Al-Sm and Fe-P); null keeps all. */
  host?: string | null;
  /** Also give each atom its spatial block, the box cut into nx x ny x nz blocks (block cross-validation). */
  blocks?: readonly [number, number, number];
}

/**
 * The paper's data set of one glass (Methods, "Machine Learning"): per-atom features of the undeformed glass and
 * the label D2min(4 %) > 5 A^2, for all atoms (Cu-Zr) or the host atoms only (Ni62Nb38, Al90Sm10, Fe80P20).
 */
export async function labeledGlass(sample: Sample, options: LabeledGlassOptions): Promise<LabeledGlass> {
  const strain = options.strain ?? PLASTIC_STRAIN;
  const threshold = resolvePlasticThreshold(options.threshold, "labeledGlass: threshold");
  const frame = sample.quenched;
  const m = sampleFeatures(sample, options.sets, options.featureOptions);
  const labels = await sample.labels(strain, { threshold });
  const hostType = options.host ? (frame.elements ?? []).indexOf(options.host) + 1 : 0;
  if (options.host && hostType === 0)
    throw new Error(`${sample.entry.id}: no element ${options.host} in [${(frame.elements ?? []).join(", ")}]`);
  const nf = m.labels.length;
  const keep: number[] = [];
  let dropped = 0;
  for (let i = 0; i < m.n; i++) {
    if (hostType !== 0 && frame.types[i] !== hostType) continue;
    let finite = true;
    for (let k = 0; k < nf && finite; k++) finite = Number.isFinite(m.values[i * nf + k]);
    if (finite && Number.isFinite(labels.d2min[i])) keep.push(i);
    else dropped++;
  }
  const rows = Int32Array.from(keep);
  const blocks = options.blocks ? spatialBlocks(frame, options.blocks) : null;
  const values = new Float64Array(rows.length * nf);
  rows.forEach((i, r) => values.set(m.values.subarray(i * nf, (i + 1) * nf), r * nf));
  return {
    name: sample.entry.id,
    X: { n: rows.length, labels: m.labels, values },
    y: Uint8Array.from(rows, (i) => labels.plastic[i]),
    d2min: Float64Array.from(rows, (i) => labels.d2min[i]),
    ids: Int32Array.from(rows, (i) => frame.ids[i]),
    types: Int32Array.from(rows, (i) => frame.types[i]),
    rows,
    droppedNonFinite: dropped,
    ...(blocks ? { groups: Int32Array.from(rows, (i) => blocks[i]) } : {}),
  };
}

/**
 * The atoms the paper's models are fitted on for a glass (Methods, "Machine Learning"): all atoms for Cu-Zr,
 * the host (majority, type 1) element for the other systems (Ni in Ni62Nb38, Al in Al90Sm10, Fe in Fe80P20).
 */
export function hostOf(entry: { elements: readonly string[] }): string | null {
  return entry.elements[0] === "Cu" && entry.elements[1] === "Zr" ? null : entry.elements[0];
}
