import { promqlString } from './promql-string.ts';

/** Values in one regex matcher at most (the selector stays a few KB; Prometheus matches them as a set). */
const MAX_VALUES = 200;

/**
 * Selectors that together cover a group of series of the same name, fetching little beyond it:
 * `{__name__="n"}` plus every label the whole group shares with one value, plus a set matcher
 * (`label=~"v1|v2|…"`, chunked) on the label that tells the group's series apart best. Extra
 * series a selector still matches are dropped by the caller.
 */
export function nameGroupSelectors(group: readonly Readonly<Record<string, string>>[]): string[] {
  const first = group[0] ?? {};
  const shared = Object.entries(first).filter(([k, v]) => group.every((s) => s[k] === v));
  shared.sort(([a], [b]) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a < b ? -1 : 1));
  const base = shared.map(([k, v]) => `${k}=${promqlString(v)}`);
  const sharedKeys = new Set(shared.map(([k]) => k));
  let best: { label: string; values: string[] } | undefined;
  for (const label of Object.keys(first)) {
    if (sharedKeys.has(label) || !group.every((s) => s[label] !== undefined)) continue;
    const values = [...new Set(group.map((s) => s[label] as string))].sort();
    if (!best || values.length > best.values.length) best = { label, values };
  }
  if (!best) return [`{${base.join(',')}}`];
  const out: string[] = [];
  for (let i = 0; i < best.values.length; i += MAX_VALUES) {
    const alternation = best.values
      .slice(i, i + MAX_VALUES)
      .map(escapeRegex)
      .join('|');
    out.push(`{${[...base, `${best.label}=~${promqlString(alternation)}`].join(',')}}`);
  }
  return out;
}

function escapeRegex(v: string): string {
  return v.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
