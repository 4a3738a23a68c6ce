import type { StructureContext } from "./context";
import type { Citation, Featurizer, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer } from "./featurizer";
import { concatFeatureMatrices } from "../table/feature-matrix";

/** Several featurizers as one set: their columns concatenated in order (each part computed once per context). */
export class ConcatFeaturizer extends BaseFeaturizer {
  readonly key: string;

  constructor(
    readonly name: string,
    readonly parts: readonly Featurizer[],
  ) {
    super();
    if (parts.length === 0) throw new Error(`feature set "${name}" has no parts`);
    this.key = `concat(${name};${parts.map((p) => p.key).join(";")})`;
  }

  featureLabels(): string[] {
    return this.parts.flatMap((p) => p.featureLabels());
  }

  citations(): Citation[] {
    const out: Citation[] = [];
    for (const p of this.parts) for (const c of p.citations()) if (!out.some((o) => o.key === c.key)) out.push(c);
    return out;
  }

  /** The farthest reach of its parts. */
  reach(scale: ReachScale): FeatureReach | undefined {
    let rows = 0;
    let bond = 0;
    for (const p of this.parts) {
      const r = p.reach?.(scale);
      if (r === undefined) return undefined;
      rows = Math.max(rows, r.rows);
      bond = Math.max(bond, r.bond);
    }
    return { rows, bond };
  }

  compute(ctx: StructureContext): FeatureMatrix {
    return concatFeatureMatrices(this.parts.map((p) => ctx.features(p)));
  }
}
