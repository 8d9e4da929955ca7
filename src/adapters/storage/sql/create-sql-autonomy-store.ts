import type { AuditActor } from '../../../core/audit/audit-actor.ts';
import type { Demotion, DemotionCause } from '../../../core/autonomy/demotion.ts';
import type { Pause } from '../../../core/autonomy/pause.ts';
import type { ShadowOutcome, ShadowRecord } from '../../../core/autonomy/shadow-record.ts';
import { shadowStepsCodec } from '../../../core/formats/shadow-steps-codec.ts';
import type { AutonomyStore, Countdown, CountdownState } from '../../../core/storage/autonomy-store.ts';
import type { SqlDb, SqlRow } from './sql-db.ts';

const SHADOW_COLUMNS =
  'id, incident_id, runbook, hypothesis_id, service, kind, probability, plan_hash, steps, recorded_at, outcome, scored_at, reason';
const COUNTDOWN_COLUMNS =
  'run_id, incident_id, runbook, service, step_idx, announced_at, due_at, state, settled_by, settled_at';

const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

function toShadow(r: SqlRow): ShadowRecord {
  const steps = shadowStepsCodec.decode(String(r.steps));
  if (!steps.ok)
    throw new Error(`shadow record ${String(r.id)}: steps unreadable (${steps.error.field}: ${steps.error.message})`);
  return {
    id: String(r.id),
    incidentId: String(r.incident_id),
    runbookId: String(r.runbook),
    hypothesisId: text(r.hypothesis_id),
    service: text(r.service),
    kind: text(r.kind),
    probability: num(r.probability),
    planHash: String(r.plan_hash),
    steps: steps.value,
    recordedAt: Number(r.recorded_at),
    outcome: String(r.outcome) as ShadowOutcome,
    scoredAt: num(r.scored_at),
    reason: text(r.reason),
  };
}

function toCountdown(r: SqlRow): Countdown {
  return {
    runId: String(r.run_id),
    incidentId: String(r.incident_id),
    runbook: String(r.runbook),
    service: String(r.service),
    step: Number(r.step_idx),
    announcedAt: Number(r.announced_at),
    dueAt: Number(r.due_at),
    state: String(r.state) as CountdownState,
    settledBy: text(r.settled_by) as AuditActor | undefined,
    settledAt: num(r.settled_at),
  };
}

/** Shadow records, pauses, demotions and countdowns on either backend. */
export function createSqlAutonomyStore(db: SqlDb): AutonomyStore {
  const shadow = async (incidentId: string, runbookId: string) => {
    const r = await db.get(`SELECT ${SHADOW_COLUMNS} FROM shadow_records WHERE incident_id = $1 AND runbook = $2`, [
      incidentId,
      runbookId,
    ]);
    return r ? toShadow(r) : undefined;
  };
  const countdown = async (runId: string) => {
    const r = await db.get(`SELECT ${COUNTDOWN_COLUMNS} FROM autonomous_runs WHERE run_id = $1`, [runId]);
    return r ? toCountdown(r) : undefined;
  };
  return {
    async recordShadow(s) {
      const changed = await db.run(
        `INSERT INTO shadow_records (${SHADOW_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', NULL, NULL)
         ON CONFLICT (incident_id, runbook) DO NOTHING`,
        [
          s.id,
          s.incidentId,
          s.runbookId,
          s.hypothesisId ?? null,
          s.service ?? null,
          s.kind ?? null,
          s.probability ?? null,
          s.planHash,
          shadowStepsCodec.encode(s.steps),
          s.recordedAt,
        ],
      );
      const record = await shadow(s.incidentId, s.runbookId);
      if (!record) throw new Error(`shadow record of ${s.runbookId} for ${s.incidentId} was not stored`);
      return { created: changed === 1, record };
    },
    shadow,
    async shadowsOf(incidentId) {
      const rows = await db.all(
        `SELECT ${SHADOW_COLUMNS} FROM shadow_records WHERE incident_id = $1 ORDER BY recorded_at, runbook`,
        [incidentId],
      );
      return rows.map(toShadow);
    },
    async shadows(runbookId) {
      const rows = await db.all(
        `SELECT ${SHADOW_COLUMNS} FROM shadow_records ${runbookId === undefined ? '' : 'WHERE runbook = $1'}
         ORDER BY recorded_at, incident_id, runbook`,
        runbookId === undefined ? [] : [runbookId],
      );
      return rows.map(toShadow);
    },
    async score(id, outcome, reason, at) {
      const n = await db.run(
        'UPDATE shadow_records SET outcome = $2, reason = $3, scored_at = $4 WHERE id = $1 AND outcome <> $2',
        [id, outcome, reason ?? null, at],
      );
      return n === 1;
    },
    async pause(p) {
      await db.run(
        `INSERT INTO autonomy_pauses (scope, paused_by, reason, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope) DO UPDATE SET paused_by = excluded.paused_by, reason = excluded.reason, at = excluded.at`,
        [p.scope, p.by, p.reason, p.at],
      );
    },
    resume: (scope) =>
      db.transaction(async (tx) => {
        const rows = await tx.all(
          `SELECT scope FROM autonomy_pauses ${scope === undefined ? '' : 'WHERE scope = $1'} ORDER BY scope${db.forUpdate}`,
          scope === undefined ? [] : [scope],
        );
        await tx.run(
          `DELETE FROM autonomy_pauses ${scope === undefined ? '' : 'WHERE scope = $1'}`,
          scope === undefined ? [] : [scope],
        );
        return rows.map((r) => String(r.scope));
      }),
    async pauses() {
      const rows = await db.all('SELECT scope, paused_by, reason, at FROM autonomy_pauses ORDER BY at, scope');
      return rows.map(
        (r): Pause => ({
          scope: String(r.scope),
          by: String(r.paused_by) as AuditActor,
          reason: String(r.reason),
          at: Number(r.at),
        }),
      );
    },
    async demote(d) {
      const n = await db.run(
        `INSERT INTO autonomy_demotions (runbook, incident_id, cause, demoted_by, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (runbook, incident_id, cause) DO NOTHING`,
        [d.runbookId, d.incidentId, d.cause, d.by, d.at],
      );
      return n === 1;
    },
    async demotions(runbookId) {
      const rows = await db.all(
        `SELECT runbook, incident_id, cause, demoted_by, at FROM autonomy_demotions
         ${runbookId === undefined ? '' : 'WHERE runbook = $1'} ORDER BY at, runbook, incident_id, cause`,
        runbookId === undefined ? [] : [runbookId],
      );
      return rows.map(
        (r): Demotion => ({
          runbookId: String(r.runbook),
          incidentId: String(r.incident_id),
          cause: String(r.cause) as DemotionCause,
          by: String(r.demoted_by) as AuditActor,
          at: Number(r.at),
        }),
      );
    },
    async announce(c) {
      const n = await db.run(
        `INSERT INTO autonomous_runs (${COUNTDOWN_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'counting', NULL, NULL) ON CONFLICT (run_id) DO NOTHING`,
        [c.runId, c.incidentId, c.runbook, c.service, c.step, c.announcedAt, c.dueAt],
      );
      return n === 1;
    },
    countdown,
    async moveCountdown(runId, from, to, at, by) {
      const claim = from === 'counting' && to === 'running';
      const n = await db.run(
        `UPDATE autonomous_runs SET state = $3, settled_by = $4, settled_at = $5
         WHERE run_id = $1 AND state = $2${claim ? ' AND due_at <= $5' : ''}`,
        [runId, from, to, by, at],
      );
      return n === 1 ? countdown(runId) : undefined;
    },
    async counting() {
      const rows = await db.all(
        `SELECT ${COUNTDOWN_COLUMNS} FROM autonomous_runs WHERE state = 'counting' ORDER BY due_at, run_id`,
      );
      return rows.map(toCountdown);
    },
    async autonomousRuns(service, since) {
      const rows = await db.all(
        `SELECT service, announced_at FROM autonomous_runs WHERE service = $1 AND announced_at > $2 AND state <> 'stopped'`,
        [service, since],
      );
      return rows.map((r) => ({ service: String(r.service), at: Number(r.announced_at) }));
    },
    async countdownsOf(incidentId) {
      const rows = await db.all(
        `SELECT ${COUNTDOWN_COLUMNS} FROM autonomous_runs WHERE incident_id = $1 ORDER BY announced_at, run_id`,
        [incidentId],
      );
      return rows.map(toCountdown);
    },
  };
}
