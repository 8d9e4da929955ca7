import type { IncomingMessage } from 'node:http';

/**
 * Reads the raw body up to `limit` bytes. Returns the bytes, or `too-large` as soon as the
 * declared length or the bytes received pass the limit (the rest is never buffered), or
 * `aborted` when the client went away.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Buffer | 'too-large' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(v);
    };
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        finish('too-large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => finish(Buffer.concat(chunks, size)));
    req.on('aborted', () => finish('aborted'));
    req.on('error', () => finish('aborted'));
  });
}
