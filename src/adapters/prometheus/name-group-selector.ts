import { promqlString } from './promql-string.ts';

/**
 * One selector for a group of series of the same name: `{__name__="n"}` plus every label the whole
 * group shares with one value (so a read fetches little beyond the group; extra series are dropped
 * by the caller).
 */
export function nameGroupSelector(group: readonly Readonly<Record<string, string>>[]): string {
  const first = group[0] ?? {};
  const shared = Object.entries(first).filter(([k, v]) => group.every((s) => s[k] === v));
  shared.sort(([a], [b]) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a < b ? -1 : 1));
  return `{${shared.map(([k, v]) => `${k}=${promqlString(v)}`).join(',')}}`;
}
