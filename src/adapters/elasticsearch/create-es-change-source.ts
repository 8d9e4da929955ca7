import { parseChangeEvent } from '../../core/formats/parse-change-event.ts';
import type { ChangeEvent } from '../../core/model/change-event.ts';
import type { ChangeSource } from '../../core/ports.ts';
import type { EsQuery } from './create-es-query.ts';
import { esFailure } from './es-failure.ts';
import type { EsSettings } from './es-settings.ts';

/**
 * Change events from an Elasticsearch index of records in the bundle's changes.json shape
 * (`startedAt` a date): the newest `maxChanges` that started before the end of the range, in
 * the order the file reader gives them.
 */
export function createEsChangeSource(es: EsQuery, s: EsSettings): ChangeSource {
  return {
    name: `elasticsearch ${s.indices.changes}`,
    async list(range, signal) {
      try {
        const r = await es.search<Record<string, unknown>>(
          {
            index: s.indices.changes,
            allow_no_indices: false,
            size: s.maxChanges,
            query: { range: { startedAt: { lt: range.to, format: 'epoch_millis' } } },
            sort: [{ startedAt: { order: 'desc' } }],
          },
          signal,
        );
        const value: ChangeEvent[] = [];
        for (const h of r.hits.hits) {
          const c = parseChangeEvent(h._source);
          if (c.ok && c.value.startedAt < range.to) value.push(c.value);
        }
        value.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
        return value.length > 0 ? { state: 'ok', value } : { state: 'no-data', detail: 'no change before the alert' };
      } catch (e) {
        return esFailure(e, s.url, s.indices.changes);
      }
    },
  };
}
