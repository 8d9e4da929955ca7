import { basename } from 'node:path';
import type { ChangeSource } from '../../core/ports.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { readChanges } from './read-changes.ts';

/** Change events from a bundle's changes.json (a JSON array). Every record is validated; none is skipped. */
export function createFileChangeSource(path: string, maxLineBytes = DEFAULT_MAX_LINE_BYTES): ChangeSource {
  return {
    name: `file ${basename(path)}`,
    async list(range, signal) {
      const all = await readChanges(path, maxLineBytes, signal);
      if (all.state !== 'ok') return all;
      // Changes long before the range still matter little; keep those that could be near the onset.
      const value = all.value
        .filter((c) => c.startedAt < range.to)
        .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
      return value.length > 0 ? { state: 'ok', value } : { state: 'no-data', detail: 'no change before the alert' };
    },
  };
}
