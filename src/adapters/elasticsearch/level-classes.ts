import { parseLogLevel } from '../../core/formats/parse-log-level.ts';

export type LevelClasses = { readonly error: string[]; readonly warn: string[] };

/**
 * The raw `log.level` values found in the index, sorted into the classes the triage counts
 * (error and fatal; warn), with the same case-insensitive aliases as the file reader.
 */
export function levelClasses(raw: Iterable<string>): LevelClasses {
  const error: string[] = [];
  const warn: string[] = [];
  for (const v of raw) {
    const l = parseLogLevel(v);
    if (l === 'error' || l === 'fatal') error.push(v);
    else if (l === 'warn') warn.push(v);
  }
  return { error: error.sort(), warn: warn.sort() };
}
