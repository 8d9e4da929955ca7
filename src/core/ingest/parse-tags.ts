/**
 * Datadog/Kibana-style tags (`service:checkout,env:prod,team:pay` or an array of them) → labels.
 * A tag without a colon becomes `tag=true`; later duplicates win. Blank parts are skipped.
 */
export function parseTags(v: unknown): Record<string, string> {
  const parts = Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? v.split(',') : [];
  const out: Record<string, string> = {};
  for (const raw of parts as string[]) {
    const t = raw.trim();
    if (t === '') continue;
    const at = t.indexOf(':');
    if (at <= 0) out[t] = 'true';
    else out[t.slice(0, at).trim()] = t.slice(at + 1).trim();
  }
  return out;
}
