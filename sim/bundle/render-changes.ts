import type { ChangeRecord } from '../changes/change-record.ts';
import { isoTime } from '../core/iso-time.ts';

/** changes.json: the change events in time order, times as RFC 3339 (whole seconds or milliseconds). */
export function renderChanges(changes: readonly ChangeRecord[], env: string, millis: boolean, end: number): string {
  const fmt = (ms: number) => isoTime(ms, { digits: millis ? 3 : 0, offsetMin: 0, zulu: true });
  const out = [...changes]
    .filter((c) => c.startedAt < end)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((c) => {
      const o: Record<string, unknown> = { id: c.id, type: c.type, service: c.service, environment: env };
      if (c.version) o.version = c.version;
      if (c.previousVersion) o.previousVersion = c.previousVersion;
      o.startedAt = fmt(c.startedAt);
      if (c.finishedAt !== undefined && c.finishedAt < end) o.finishedAt = fmt(c.finishedAt);
      o.status = c.finishedAt !== undefined && c.finishedAt >= end ? 'in_progress' : (c.status ?? 'succeeded');
      if (c.author) o.author = c.author;
      if (c.commit) o.commit = c.commit;
      if (c.url) o.url = c.url;
      if (c.description) o.description = c.description;
      return o;
    });
  return `${JSON.stringify(out, null, 2)}\n`;
}
