import type { CrossValidator } from "./cross-validator";
import { splitsFromFoldIds } from "./cross-validator";
import type { Split } from "./train-test-split";

/**
 * One fold per group, in sorted group order (scikit-learn's LeaveOneGroupOut): fold k tests the k-th group and
 * trains on every other. With the glass as the group this is leave-one-glass-out: every score is on a glass the
 * model never saw, as a user's own glass would be. `nSplits` is the number of groups of the last `split`.
 */
export class LeaveOneGroupOut implements CrossValidator {
  private groupsSeen = 0;

  get nSplits(): number {
    return this.groupsSeen;
  }

  split(y: ArrayLike<number>, groups?: ArrayLike<number | string>): Split[] {
    if (groups === undefined) throw new Error("LeaveOneGroupOut needs groups (one per sample)");
    if (groups.length !== y.length) throw new Error(`groups has ${groups.length} entries but y has ${y.length}`);
    const labels = sortedGroups(groups);
    if (labels.length < 2) throw new Error(`LeaveOneGroupOut needs at least 2 groups, got ${labels.length}`);
    this.groupsSeen = labels.length;
    const index = new Map(labels.map((g, k) => [g, k]));
    return splitsFromFoldIds(
      Int32Array.from(Array.from(groups), (g) => index.get(g) as number),
      labels.length,
    );
  }
}

/** The distinct groups, numbers ascending or strings in code-unit order (numpy's unique). */
export function sortedGroups(groups: ArrayLike<number | string>): (number | string)[] {
  return Array.from(new Set(Array.from(groups))).sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
}
