/**
 * A streaming CSV parser (RFC 4180: comma-separated fields, fields in double quotes may hold commas, line breaks
 * and doubled quotes; records end with CRLF or LF). Ours rather than csv-parse: it is synchronous (readCsv stays
 * a plain function for notebooks and caches), hands whole records to the caller without per-record objects,
 * and counts physical lines for error messages; text arrives in chunks of any size, so a record may be split
 * anywhere, even inside a quoted field or between CR and LF.
 */
export class CsvParser {
  private carry = "";
  /** Physical line (1-based) where the next record starts. */
  private line = 1;
  private readonly fields: string[] = [];

  /**
   * @param file named in errors
   * @param onRecord called with each record's fields (unquoted fields trimmed; the array is reused, copy what you
   *   keep) and the physical line where the record starts
   */
  constructor(
    private readonly file: string,
    private readonly onRecord: (fields: string[], line: number) => void,
  ) {}

  /** Parses the complete records of `text` (after what came before); keeps an incomplete last record. */
  push(text: string): void {
    this.parse(this.carry.length > 0 ? this.carry + text : text, false);
  }

  /** Parses what is left as the last record (a file need not end with a line break). */
  end(): void {
    if (this.carry.length > 0) this.parse(this.carry, true);
    this.carry = "";
  }

  private parse(s: string, final: boolean): void {
    const n = s.length;
    const fields = this.fields;
    let p = 0;
    while (p < n) {
      const recordStart = p;
      const recordLine = this.line;
      let lines = 0;
      fields.length = 0;
      let complete = false;
      for (;;) {
        let field: string;
        if (s.charCodeAt(p) === 34) {
          // Quoted field: up to the next quote not followed by another (RFC 4180, rule 7).
          let q = p + 1;
          let text = "";
          let closed = -1;
          for (;;) {
            const j = s.indexOf('"', q);
            if (j < 0 || (j + 1 === n && !final)) break;
            text += s.slice(q, j);
            if (s.charCodeAt(j + 1) === 34) {
              text += '"';
              q = j + 2;
              continue;
            }
            closed = j;
            break;
          }
          if (closed < 0) {
            if (!final) break;
            throw new Error(
              `${this.file}:${recordLine + lines}: a quoted field is not closed before the end of the file`,
            );
          }
          for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) lines++;
          p = closed + 1;
          while (p < n && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p++;
          const c = p < n ? s.charCodeAt(p) : -1;
          if (c !== 44 && c !== 10 && c !== 13 && c !== -1)
            throw new Error(
              `${this.file}:${recordLine + lines}: unexpected character "${s[p]}" after a closing quote (field ${fields.length + 1}); quotes inside a quoted field are doubled ("")`,
            );
          field = text;
        } else {
          let j = p;
          for (; j < n; j++) {
            const c = s.charCodeAt(j);
            if (c === 44 || c === 10 || c === 13) break;
          }
          field = s.slice(p, j).trim();
          p = j;
        }
        fields.push(field);
        if (p >= n) {
          if (final) complete = true;
          break;
        }
        const c = s.charCodeAt(p);
        if (c === 44) {
          p++;
          if (p >= n && !final) break;
          continue;
        }
        if (c === 13) {
          if (p + 1 >= n && !final) break;
          p += s.charCodeAt(p + 1) === 10 ? 2 : 1;
        } else p++;
        lines++;
        complete = true;
        break;
      }
      if (!complete) {
        this.carry = s.slice(recordStart);
        return;
      }
      this.onRecord(fields, recordLine);
      this.line = recordLine + lines;
    }
    this.carry = "";
  }
}
