/** A column of a table: numbers (typed array) or strings. */
export type Column = Float64Array | Int32Array | string[];
