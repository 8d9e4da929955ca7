import type { ChangeEvent } from '../../../core/model/change-event.ts';
import type { ChangeStore } from '../../../core/storage/change-store.ts';
import type { SqlDb, SqlParam } from './sql-db.ts';

/** Change events on either backend, keyed by id, indexed by start time. */
export function createSqlChangeStore(db: SqlDb): ChangeStore {
  return {
    put: (events, at) =>
      db.transaction(async (tx) => {
        for (const e of events) {
          await tx.run(
            `INSERT INTO change_events (id, service, started_at, received_at, event) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET service = excluded.service, started_at = excluded.started_at,
               received_at = excluded.received_at, event = excluded.event`,
            [e.id, e.service, e.startedAt, at, JSON.stringify(e)],
          );
        }
      }),
    async get(id) {
      const r = await db.get('SELECT event FROM change_events WHERE id = $1', [id]);
      return r ? toChange(String(r.event)) : undefined;
    },
    async list(range, service) {
      const params: SqlParam[] = [range.from, range.to];
      if (service !== undefined) params.push(service);
      const rows = await db.all(
        `SELECT event FROM change_events WHERE started_at >= $1 AND started_at <= $2
         ${service !== undefined ? 'AND service = $3' : ''} ORDER BY started_at, id`,
        params,
      );
      return rows.map((r) => toChange(String(r.event)));
    },
  };
}

function toChange(text: string): ChangeEvent {
  const e = JSON.parse(text) as Record<string, unknown>;
  const opt = (k: string) => (e[k] === undefined || e[k] === null ? undefined : (e[k] as never));
  return {
    id: String(e.id),
    type: e.type as ChangeEvent['type'],
    service: String(e.service),
    startedAt: Number(e.startedAt),
    finishedAt: opt('finishedAt'),
    environment: opt('environment'),
    version: opt('version'),
    previousVersion: opt('previousVersion'),
    status: opt('status'),
    author: opt('author'),
    commit: opt('commit'),
    url: opt('url'),
    description: opt('description'),
  };
}
