/** Types for the untyped `kd-tree-javascript` package (ubilabs, v1.0.3): only what qsoft uses. */
declare module "kd-tree-javascript" {
  export class kdTree<T> {
    /** Builds a balanced tree; `metric` must be monotone in distance and consistent along single axes. */
    constructor(points: T[], metric: (a: T, b: T) => number, dimensions: string[]);
    /** Up to `maxNodes` nearest points as [point, metric value] pairs, in no particular order. */
    nearest(point: T, maxNodes: number, maxDistance?: number): [T, number][];
  }
}
