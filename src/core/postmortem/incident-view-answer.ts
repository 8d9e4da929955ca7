import type { Result } from '../result/result.ts';

/** One rendered incident view (its content type and body), or why not: no such incident (404), not available (503). */
export type IncidentViewAnswer = Result<
  { readonly contentType: string; readonly body: string | Uint8Array },
  { readonly status: 404 | 503; readonly message: string }
>;
