import { seenBeforeSummaryCodec } from '../../../core/formats/seen-before-summary-codec.ts';
import type { SeenBeforeEntry, SeenBeforeStore } from '../../../core/storage/seen-before-store.ts';
import { SEEN_BEFORE_SQL } from './seen-before-sql.ts';
import type { SqlDb } from './sql-db.ts';

/** Features in one look-up at most (the largest fingerprints have a few dozen). */
const MAX_FEATURES = 200;

/** "Seen before" on either backend: the fingerprint rows and the inverted index, written in one transaction. */
export function createSqlSeenBeforeStore(db: SqlDb): SeenBeforeStore {
  return {
    async put(e) {
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM seen_before_features WHERE incident_id = $1', [e.incidentId]);
        await tx.run(
          `INSERT INTO seen_before_incidents (incident_id, resolved_at, summary) VALUES ($1, $2, $3)
           ON CONFLICT (incident_id) DO UPDATE SET resolved_at = excluded.resolved_at, summary = excluded.summary`,
          [e.incidentId, e.resolvedAt, seenBeforeSummaryCodec.encode(e.summary)],
        );
        for (const [feature, weight] of e.fingerprint.features)
          await tx.run('INSERT INTO seen_before_features (feature, incident_id, weight) VALUES ($1, $2, $3)', [
            feature,
            e.incidentId,
            weight,
          ]);
      });
    },
    async candidates(features, o) {
      const fs = [...new Set(features)].slice(0, MAX_FEATURES);
      if (fs.length === 0) return [];
      const ids = await db.all(SEEN_BEFORE_SQL.candidates(fs.length), [...fs, o.excludeId ?? '', o.limit]);
      if (ids.length === 0) return [];
      const idParams = ids.map((r) => String(r.incident_id));
      const [rows, feats] = await Promise.all([
        db.all(SEEN_BEFORE_SQL.summaries(idParams.length), idParams),
        db.all(SEEN_BEFORE_SQL.fingerprints(idParams.length), idParams),
      ]);
      const byId = new Map<string, [string, number][]>();
      for (const f of feats) {
        const id = String(f.incident_id);
        const list = byId.get(id) ?? [];
        list.push([String(f.feature), Number(f.weight)]);
        byId.set(id, list);
      }
      const meta = new Map(rows.map((r) => [String(r.incident_id), r]));
      return idParams.flatMap((id): SeenBeforeEntry[] => {
        const r = meta.get(id);
        if (!r) return [];
        const summary = seenBeforeSummaryCodec.decode(String(r.summary));
        if (!summary.ok)
          throw new Error(`seen-before ${id}: summary unreadable (${summary.error.field}: ${summary.error.message})`);
        return [
          {
            incidentId: id,
            resolvedAt: Number(r.resolved_at),
            fingerprint: { features: byId.get(id) ?? [] },
            summary: summary.value,
          },
        ];
      });
    },
  };
}
