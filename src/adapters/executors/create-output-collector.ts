/** Collects output chunks up to `maxBytes`; counts what it drops. */
export type OutputCollector = {
  push(chunk: Uint8Array): void;
  readonly droppedBytes: number;
  /** The kept text (UTF-8), with a note of what was dropped. */
  text(): string;
};

export function createOutputCollector(maxBytes: number): OutputCollector {
  const chunks: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  return {
    push(chunk) {
      const room = maxBytes - kept;
      if (room <= 0) {
        dropped += chunk.byteLength;
        return;
      }
      const part = chunk.byteLength <= room ? chunk : chunk.subarray(0, room);
      chunks.push(Buffer.from(part));
      kept += part.byteLength;
      dropped += chunk.byteLength - part.byteLength;
    },
    get droppedBytes() {
      return dropped;
    },
    text() {
      const s = Buffer.concat(chunks).toString('utf8');
      return dropped > 0 ? `${s}\n… [${dropped} more bytes not kept: output is capped at ${maxBytes} bytes]` : s;
    },
  };
}
