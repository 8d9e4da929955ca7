import type { AuditActor } from '../../../core/audit/audit-actor.ts';
import { canonicalJson } from '../../../core/audit/canonical-json.ts';
import type { JsonObject } from '../../../core/model/json-value.ts';
import type {
  ApprovalDecision,
  ApprovalRequest,
  Run,
  RunStatus,
  RunStep,
  RunStore,
  StepStatus,
} from '../../../core/storage/run-store.ts';
import type { SqlDb, SqlExecutor, SqlRow } from './sql-db.ts';

const STEP_COLUMNS = 'idx, name, risk, rendered_hash, status, exit_code, output_hash, started_at, finished_at';
const REQUEST_COLUMNS = 'run_id, step_idx, step_hash, requested_by, required, requested_at, expires_at, state';

/** Runbook runs, steps and approvals on either backend. */
export function createSqlRunStore(db: SqlDb): RunStore {
  const load = async (q: SqlExecutor, id: string, lock = false): Promise<Run | undefined> => {
    const r = await q.get(
      `SELECT id, incident_id, runbook, proposed_by, status, created_at, updated_at, plan FROM runs WHERE id = $1${lock ? db.forUpdate : ''}`,
      [id],
    );
    if (!r) return undefined;
    const steps = await q.all(`SELECT ${STEP_COLUMNS} FROM run_steps WHERE run_id = $1 ORDER BY idx`, [id]);
    return {
      id: String(r.id),
      incidentId: String(r.incident_id),
      runbook: String(r.runbook),
      proposedBy: String(r.proposed_by) as AuditActor,
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
      status: String(r.status) as RunStatus,
      steps: steps.map(toStep),
      plan: r.plan === null || r.plan === undefined ? undefined : (JSON.parse(String(r.plan)) as JsonObject),
    };
  };
  const request = async (q: SqlExecutor, runId: string, idx: number, lock = false) => {
    const r = await q.get(
      `SELECT ${REQUEST_COLUMNS} FROM approval_requests WHERE run_id = $1 AND step_idx = $2${lock ? db.forUpdate : ''}`,
      [runId, idx],
    );
    return r ? toRequest(r) : undefined;
  };

  return {
    create: (run) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO runs (id, incident_id, runbook, proposed_by, status, created_at, updated_at, plan)
           VALUES ($1, $2, $3, $4, 'proposed', $5, $5, $6)`,
          [run.id, run.incidentId, run.runbook, run.proposedBy, run.at, run.plan ? canonicalJson(run.plan) : null],
        );
        for (const [i, s] of run.steps.entries()) {
          await tx.run(
            `INSERT INTO run_steps (run_id, ${STEP_COLUMNS}) VALUES ($1, $2, $3, $4, $5, 'pending', NULL, NULL, NULL, NULL)`,
            [run.id, i, s.name, s.risk, s.renderedHash],
          );
        }
        return (await load(tx, run.id)) as Run;
      }),
    get: (id) => load(db, id),
    async list(incidentId) {
      const rows = await db.all('SELECT id FROM runs WHERE incident_id = $1 ORDER BY created_at, id', [incidentId]);
      const out: Run[] = [];
      for (const r of rows) {
        const run = await load(db, String(r.id));
        if (run) out.push(run);
      }
      return out;
    },
    setStatus: (id, status, at) =>
      db.transaction(async (tx) => {
        const changed = await tx.run('UPDATE runs SET status = $1, updated_at = $2 WHERE id = $3', [status, at, id]);
        return changed ? load(tx, id) : undefined;
      }),
    transitionRun: (id, from, to, at) =>
      db.transaction(async (tx) => {
        if (from.length === 0) return undefined;
        const changed = await tx.run(
          `UPDATE runs SET status = $1, updated_at = $2 WHERE id = $3 AND status IN (${from.map((_, i) => `$${i + 4}`).join(', ')})`,
          [to, at, id, ...from],
        );
        return changed ? load(tx, id) : undefined;
      }),
    transitionStep: (runId, index, from, p) =>
      db.transaction(async (tx) => {
        if (from.length === 0) return undefined;
        // One UPDATE with the status in its WHERE: the row lock (PostgreSQL) or the write lock
        // (SQLite) makes concurrent callers see each other's commit, so only one matches.
        const changed = await tx.run(
          `UPDATE run_steps SET status = $1, exit_code = COALESCE($2, exit_code), output_hash = COALESCE($3, output_hash),
             started_at = COALESCE($4, started_at), finished_at = COALESCE($5, finished_at)
           WHERE run_id = $6 AND idx = $7 AND status IN (${from.map((_, i) => `$${i + 8}`).join(', ')})`,
          [
            p.status,
            p.exitCode ?? null,
            p.outputHash ?? null,
            p.startedAt ?? null,
            p.finishedAt ?? null,
            runId,
            index,
            ...from,
          ],
        );
        if (!changed) return undefined;
        await tx.run('UPDATE runs SET updated_at = $1 WHERE id = $2', [p.at, runId]);
        return load(tx, runId);
      }),
    updateStep: (runId, index, p) =>
      db.transaction(async (tx) => {
        const changed = await tx.run(
          `UPDATE run_steps SET status = $1, exit_code = COALESCE($2, exit_code), output_hash = COALESCE($3, output_hash),
             started_at = COALESCE($4, started_at), finished_at = COALESCE($5, finished_at)
           WHERE run_id = $6 AND idx = $7`,
          [p.status, p.exitCode ?? null, p.outputHash ?? null, p.startedAt ?? null, p.finishedAt ?? null, runId, index],
        );
        if (!changed) return undefined;
        await tx.run('UPDATE runs SET updated_at = $1 WHERE id = $2', [p.at, runId]);
        return load(tx, runId);
      }),
    requestApproval: (req) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM approval_decisions WHERE run_id = $1 AND step_idx = $2', [req.runId, req.stepIndex]);
        await tx.run(
          `INSERT INTO approval_requests (${REQUEST_COLUMNS}, settled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', NULL)
           ON CONFLICT (run_id, step_idx) DO UPDATE SET step_hash = excluded.step_hash,
             requested_by = excluded.requested_by, required = excluded.required, requested_at = excluded.requested_at,
             expires_at = excluded.expires_at, state = 'pending', settled_at = NULL`,
          [req.runId, req.stepIndex, req.stepHash, req.requestedBy, req.required, req.requestedAt, req.expiresAt],
        );
        return { ...req, state: 'pending' as const };
      }),
    approval: (runId, stepIndex) => request(db, runId, stepIndex),
    decide: (d) =>
      db.transaction(async (tx) => {
        const req = await request(tx, d.runId, d.stepIndex, true);
        if (!req) return { recorded: false as const, reason: 'no-request' as const };
        if (req.state !== 'pending') return { recorded: false as const, reason: 'not-pending' as const };
        if (req.stepHash !== d.stepHash) return { recorded: false as const, reason: 'hash-mismatch' as const };
        const inserted = await tx.run(
          `INSERT INTO approval_decisions (run_id, step_idx, approver, decision, step_hash, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (run_id, step_idx, approver) DO NOTHING`,
          [d.runId, d.stepIndex, d.approver, d.decision, d.stepHash, d.at],
        );
        return inserted
          ? { recorded: true as const }
          : { recorded: false as const, reason: 'already-decided' as const };
      }),
    async decisions(runId, stepIndex) {
      const rows = await db.all(
        `SELECT run_id, step_idx, approver, decision, step_hash, at FROM approval_decisions
         WHERE run_id = $1 AND step_idx = $2 ORDER BY at, approver`,
        [runId, stepIndex],
      );
      return rows.map(
        (r): ApprovalDecision => ({
          runId: String(r.run_id),
          stepIndex: Number(r.step_idx),
          stepHash: String(r.step_hash),
          approver: String(r.approver) as AuditActor,
          decision: r.decision === 'granted' ? 'granted' : 'denied',
          at: Number(r.at),
        }),
      );
    },
    async pendingApprovals(expiresBy) {
      const rows = await db.all(
        `SELECT ${REQUEST_COLUMNS} FROM approval_requests WHERE state = 'pending'${expiresBy === undefined ? '' : ' AND expires_at <= $1'}
         ORDER BY expires_at, run_id, step_idx`,
        expiresBy === undefined ? [] : [expiresBy],
      );
      return rows.map(toRequest);
    },
    async settleApproval(runId, stepIndex, state, at) {
      const changed = await db.run(
        `UPDATE approval_requests SET state = $1, settled_at = $2 WHERE run_id = $3 AND step_idx = $4 AND state = 'pending'`,
        [state, at, runId, stepIndex],
      );
      return changed === 1;
    },
  };
}

function toStep(r: SqlRow): RunStep {
  const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
  return {
    index: Number(r.idx),
    name: String(r.name),
    risk: r.risk === 'high' ? 'high' : 'low',
    renderedHash: String(r.rendered_hash),
    status: String(r.status) as StepStatus,
    exitCode: num(r.exit_code),
    outputHash: r.output_hash === null ? undefined : String(r.output_hash),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
  };
}

function toRequest(r: SqlRow): ApprovalRequest {
  return {
    runId: String(r.run_id),
    stepIndex: Number(r.step_idx),
    stepHash: String(r.step_hash),
    requestedBy: String(r.requested_by) as AuditActor,
    required: Number(r.required),
    requestedAt: Number(r.requested_at),
    expiresAt: Number(r.expires_at),
    state: String(r.state) as ApprovalRequest['state'],
  };
}
