import type { AuditActor } from '../../../core/audit/audit-actor.ts';
import type { Feedback, FeedbackStore } from '../../../core/storage/feedback-store.ts';
import type { SqlDb } from './sql-db.ts';

/** Feedback on either backend: one current verdict per (incident, hypothesis, user). */
export function createSqlFeedbackStore(db: SqlDb): FeedbackStore {
  return {
    async record(f) {
      await db.run(
        `INSERT INTO feedback (incident_id, hypothesis_id, user_id, verdict, note, at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (incident_id, hypothesis_id, user_id) DO UPDATE SET verdict = excluded.verdict,
           note = excluded.note, at = excluded.at`,
        [f.incidentId, f.hypothesisId ?? '', f.user, f.verdict, f.note ?? null, f.at],
      );
      return f;
    },
    async list(incidentId) {
      const rows = await db.all(
        `SELECT incident_id, hypothesis_id, user_id, verdict, note, at FROM feedback WHERE incident_id = $1
         ORDER BY at, hypothesis_id, user_id`,
        [incidentId],
      );
      return rows.map(
        (r): Feedback => ({
          incidentId: String(r.incident_id),
          hypothesisId: r.hypothesis_id === '' ? undefined : String(r.hypothesis_id),
          user: String(r.user_id) as AuditActor,
          verdict: String(r.verdict) as Feedback['verdict'],
          note: r.note === null ? undefined : String(r.note),
          at: Number(r.at),
        }),
      );
    },
  };
}
