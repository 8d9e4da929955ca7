import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../../core/postmortem/escape-html.ts';
import type { IncidentPageView } from '../../core/postmortem/incident-page-view.ts';
import { verifyPageToken } from '../../core/postmortem/page-token.ts';
import type { IncidentPageDeps } from './incident-page-deps.ts';

/** Only our own inline style and same-origin images; no script, no framing, no form, no referrer. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

export const INCIDENT_PAGE_ROUTE =
  /^\/incidents\/([A-Za-z0-9._-]{1,128})(?:\/(chart\.png|report\.md|report\.html))?\/?$/;

/**
 * `GET /incidents/:id` (and its `chart.png`, `report.md`, `report.html`): allowed with a valid,
 * unexpired link token for that incident (`?sig=`, HMAC checked in constant time), or — when
 * enabled — with the trusted proxy's user header; 403 otherwise, with the same answer for a
 * forged, expired or missing token. Returns why it refused (for the log), or undefined.
 */
export async function handleIncidentPage(
  deps: IncidentPageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  match: { readonly incidentId: string; readonly view: IncidentPageView },
  now: number,
): Promise<string | undefined> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('sig') ?? '';
  const header = deps.trustedUserHeader;
  const proxyUser = header ? req.headers[header] : undefined;
  let query: string | undefined;
  let refused = 'no token';
  if (typeof proxyUser === 'string' && proxyUser.trim() !== '') query = '';
  else if (deps.pageKey && token) {
    const v = verifyPageToken(deps.pageKey, match.incidentId, token, now);
    if (v.ok) query = `?sig=${encodeURIComponent(token)}`;
    else refused = `token ${v.error}`;
  } else if (!deps.pageKey && !header) refused = 'pages disabled (no postmortem.pageKey, no trustedUserHeader)';
  if (query === undefined) {
    send(
      res,
      403,
      'text/html; charset=utf-8',
      page(
        'Forbidden',
        'This link is not valid or has expired. Ask Causeway for a new one (the Timeline button in the incident thread, or causeway incident link ID).',
      ),
    );
    return refused;
  }
  const r = await deps.render(match.incidentId, match.view, query);
  if (!r.ok) {
    send(
      res,
      r.error.status,
      'text/html; charset=utf-8',
      page(r.error.status === 404 ? 'Not found' : 'Unavailable', r.error.message),
    );
    return undefined;
  }
  send(res, 200, r.value.contentType, r.value.body);
  return undefined;
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  if (res.headersSent) return;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': bytes.byteLength });
  res.end(bytes);
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
}
