import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type NdjsonLine = { readonly lineNo: number; readonly value: unknown };

/** A line that is not JSON; the caller turns it into an INPUT_INVALID naming the file and line. */
export class NdjsonSyntaxError extends Error {
  readonly lineNo: number;
  readonly detail: string;
  constructor(lineNo: number, detail: string) {
    super(`line ${lineNo}: not valid JSON (${detail})`);
    this.lineNo = lineNo;
    this.detail = detail;
  }
}

/**
 * Streams a newline-delimited JSON file one parsed line at a time (blank lines skipped), so a
 * file of any size is read in constant memory. Throws NdjsonSyntaxError for a line that is not JSON.
 */
export async function* readNdjson(path: string, signal?: AbortSignal): AsyncGenerator<NdjsonLine> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw new NdjsonSyntaxError(lineNo, (e as Error).message.replace(/^.*?JSON[^:]*: ?/, ''));
      }
      yield { lineNo, value };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
