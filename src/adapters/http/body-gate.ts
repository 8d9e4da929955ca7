import type { IncomingMessage } from 'node:http';

/** What reading one body came to: its bytes, or why it was not read to the end. */
export type BodyOutcome =
  | { readonly kind: 'body'; readonly bytes: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'aborted' }
  /** Not received within the body timeout. */
  | { readonly kind: 'timeout' }
  /** Dropped to keep the bytes of all bodies being received within the in-flight cap. */
  | { readonly kind: 'crowded' };

export type BodyLimits = {
  /** One body's largest size. */
  readonly bodyBytes: number;
  /** All bodies being received at once, together (at least `bodyBytes`). */
  readonly bodyBytesInFlight: number;
  /** A body must arrive whole within this long of its first read. */
  readonly bodyTimeoutMs: number;
};

export type BodyGate = {
  read(req: IncomingMessage): Promise<BodyOutcome>;
  /** Bytes of the bodies being received now. */
  readonly bytesInFlight: number;
};

type Reading = { size: number; finish(o: BodyOutcome): void };

/**
 * Reads webhook bodies within three bounds, so that no client, however slow or numerous, holds more
 * memory than the caps: each body at most `bodyBytes` (the rest never buffered); all bodies being
 * received at most `bodyBytesInFlight` together — past it the body that has been arriving the
 * longest is dropped (a slow sender loses, a quick one gets in); each body whole within
 * `bodyTimeoutMs`.
 */
export function createBodyGate(limits: BodyLimits): BodyGate {
  const reading = new Map<object, Reading>(); // insertion order: the oldest first
  let total = 0;

  function read(req: IncomingMessage): Promise<BodyOutcome> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.bodyBytes) return Promise.resolve({ kind: 'too-large' });
    return new Promise((resolve) => {
      const key = {};
      let chunks: Buffer[] = [];
      let done = false;
      const entry: Reading = {
        size: 0,
        finish(o) {
          if (done) return;
          done = true;
          clearTimeout(timer);
          reading.delete(key);
          total -= entry.size;
          chunks = [];
          resolve(o);
        },
      };
      const timer = setTimeout(() => entry.finish({ kind: 'timeout' }), limits.bodyTimeoutMs);
      timer.unref();
      reading.set(key, entry);
      req.on('data', (c: Buffer) => {
        if (done) return;
        if (entry.size + c.length > limits.bodyBytes) {
          entry.finish({ kind: 'too-large' });
          return;
        }
        entry.size += c.length;
        total += c.length;
        chunks.push(c);
        while (total > limits.bodyBytesInFlight && !done) {
          const oldest = reading.values().next().value as Reading;
          oldest.finish({ kind: 'crowded' });
        }
      });
      req.on('end', () => entry.finish({ kind: 'body', bytes: Buffer.concat(chunks, entry.size) }));
      req.on('aborted', () => entry.finish({ kind: 'aborted' }));
      req.on('error', () => entry.finish({ kind: 'aborted' }));
      req.on('close', () => entry.finish({ kind: 'aborted' }));
    });
  }

  return {
    read,
    get bytesInFlight() {
      return total;
    },
  };
}
