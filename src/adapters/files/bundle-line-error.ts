/** A bundle file's line that cannot be read (too long, not UTF-8, not JSON); the caller names the file. */
export class BundleLineError extends Error {
  readonly lineNo: number;
  /** What is wrong and what to do, without the line number. */
  readonly detail: string;
  constructor(lineNo: number, detail: string) {
    super(`line ${lineNo}: ${detail}`);
    this.lineNo = lineNo;
    this.detail = detail;
  }
}
