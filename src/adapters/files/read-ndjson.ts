import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { BundleLineError } from './bundle-line-error.ts';
import { readLines } from './read-lines.ts';

export type NdjsonLine = { readonly lineNo: number; readonly value: unknown };

/** A line that is not JSON; the caller turns it into an INPUT_INVALID naming the file and line. */
export class NdjsonSyntaxError extends BundleLineError {
  constructor(lineNo: number, detail: string) {
    super(lineNo, `not valid JSON (${detail})`);
  }
}

/**
 * Streams a newline-delimited JSON file one parsed line at a time (blank lines skipped), so a
 * file of any size is read in bounded memory: no line may be longer than `maxLineBytes`, and
 * every line must be UTF-8 (see readLines). Throws NdjsonSyntaxError for a line that is not
 * JSON, BundleLineError for one that is too long or not UTF-8.
 */
export async function* readNdjson(
  path: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  signal?: AbortSignal,
): AsyncGenerator<NdjsonLine> {
  for await (const { lineNo, text } of readLines(path, maxLineBytes, signal)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new NdjsonSyntaxError(lineNo, (e as Error).message.replace(/^.*?JSON[^:]*: ?/, ''));
    }
    yield { lineNo, value };
  }
}
