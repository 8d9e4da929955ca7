import { type ClientRequest, request } from 'node:http';

export type RawAnswer = {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: { error?: { code: string; field: string; message: string } } & Record<string, unknown>;
};

/** A POST whose body the test writes piece by piece (or never): its own connection, closed after the answer. */
export type OpenRequest = {
  readonly req: ClientRequest;
  /** The answer, or `closed` when the server closed the connection without one. */
  readonly answer: Promise<RawAnswer | 'closed'>;
  write(bytes: string | Buffer): Promise<void>;
  destroy(): void;
};

/** Sends the request line and headers at once; the body follows only as the test writes it. */
export function openRequest(url: string, path: string, headers: Record<string, string | number>): OpenRequest {
  const u = new URL(url);
  const req = request({ host: u.hostname, port: u.port, path, method: 'POST', headers, agent: false });
  const answer = new Promise<RawAnswer | 'closed'>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} });
      };
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', () => resolve('closed'));
    req.on('close', () => resolve('closed'));
  });
  req.flushHeaders();
  return {
    req,
    answer,
    write: (bytes) =>
      new Promise<void>((resolve) => {
        if (req.destroyed) resolve();
        else req.write(bytes, () => resolve());
      }),
    destroy: () => req.destroy(),
  };
}

/** A whole POST on its own connection (no keep-alive pool, so the server's connection count stays exact). */
export async function postOnce(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<RawAnswer> {
  const r = openRequest(url, path, { ...headers, 'content-length': Buffer.byteLength(body) });
  await r.write(body);
  r.req.end();
  const a = await r.answer;
  if (a === 'closed') throw new Error(`POST ${path}: the server closed the connection without an answer`);
  return a;
}

/** `p`, or `no answer` when it has not settled within `ms`. */
export function within<T>(ms: number, p: Promise<T>): Promise<T | 'no answer'> {
  return Promise.race([p, new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), ms).unref())]);
}
