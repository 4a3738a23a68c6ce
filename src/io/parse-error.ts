/**
 * A problem in an input file, located by file name and 1-based line number.
 * The message reads "FILE:LINE: problem" so editors and terminals can jump to it.
 */
export class ParseError extends Error {
  /** The problem without the location prefix. */
  readonly problem: string;

  constructor(
    readonly file: string,
    /** 1-based line number; 0 when the problem concerns the whole file (e.g. it is empty). */
    readonly line: number,
    problem: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = "ParseError";
    this.problem = problem;
  }
}
