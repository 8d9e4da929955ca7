import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON response (and closes the connection after it when asked, e.g. after an unread
 * body), with any `headers` added (e.g. Retry-After).
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  close = false,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
