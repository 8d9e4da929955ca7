import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { firstInvalidUtf8 } from '../../core/formats/first-invalid-utf8.ts';
import { BundleLineError } from './bundle-line-error.ts';

export type TextLine = { readonly lineNo: number; readonly text: string };

/**
 * Streams a file's lines (split at `\n`, a final `\r` dropped), decoded as strict UTF-8. Memory
 * is bounded by `maxLineBytes`: a line is refused as soon as it grows past it, before the rest
 * is read. Throws BundleLineError naming the line for a line that is too long or not UTF-8
 * (with the byte offset in the file and in the line), and the file system's errors as they are.
 */
export async function* readLines(path: string, maxLineBytes: number, signal?: AbortSignal): AsyncGenerator<TextLine> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
  const tooLong = (lineNo: number) =>
    new BundleLineError(
      lineNo,
      `longer than the limit of ${maxLineBytes} bytes (sources.maxLineBytes); split the record, or raise sources.maxLineBytes (env CAUSEWAY_SOURCES_MAX_LINE_BYTES)`,
    );
  const decode = (bytes: Buffer, lineNo: number, lineStart: number): TextLine => {
    const line = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
    if (line.length > maxLineBytes) throw tooLong(lineNo);
    if (!isUtf8(line)) {
      const at = Math.max(0, firstInvalidUtf8(line));
      throw new BundleLineError(
        lineNo,
        `invalid UTF-8 at byte offset ${lineStart + at} of the file (byte ${at} of the line); save the file as UTF-8`,
      );
    }
    return { lineNo, text: line.toString('utf8') };
  };
  let lineNo = 1;
  let lineStart = 0;
  let chunkStart = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      while (from <= chunk.length) {
        const nl = chunk.indexOf(10, from);
        const end = nl < 0 ? chunk.length : nl;
        // One byte of slack for a `\r` before the `\n`; decode() checks the exact length.
        if (partBytes + (end - from) > maxLineBytes + 1) throw tooLong(lineNo);
        if (nl < 0) {
          if (end > from) {
            parts.push(chunk.subarray(from, end));
            partBytes += end - from;
          }
          break;
        }
        const bytes = partBytes === 0 ? chunk.subarray(from, nl) : Buffer.concat([...parts, chunk.subarray(from, nl)]);
        parts = [];
        partBytes = 0;
        yield decode(bytes, lineNo, lineStart);
        lineNo++;
        lineStart = chunkStart + nl + 1;
        from = nl + 1;
      }
      chunkStart += chunk.length;
    }
    if (partBytes > 0) yield decode(Buffer.concat(parts), lineNo, lineStart);
  } finally {
    stream.destroy();
  }
}
