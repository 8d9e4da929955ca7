import { signPageToken } from './page-token.ts';

/** The signed link to an incident's page: `<base>/incidents/<id>?sig=…`, valid until `expiresAtMs`. */
export function incidentPageUrl(baseUrl: string, key: string, incidentId: string, expiresAtMs: number): string {
  const token = signPageToken(key, incidentId, expiresAtMs);
  return `${baseUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(incidentId)}?sig=${encodeURIComponent(token)}`;
}
