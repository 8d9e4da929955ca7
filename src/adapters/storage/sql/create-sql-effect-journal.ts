import type { AuditActor } from '../../../core/audit/audit-actor.ts';
import type { AuditRecord } from '../../../core/audit/audit-record.ts';
import type { Effect, EffectJournal, EffectState } from '../../../core/storage/effect-journal.ts';
import type { ChainWriter } from './create-chain-writer.ts';
import type { SqlDb, SqlExecutor, SqlRow } from './sql-db.ts';
import { toAuditRecord } from './to-audit-record.ts';

const COLUMNS =
  'id, kind, subject, incident_id, actor, owner, state, started_at, finished_at, started_seq, finished_seq';

/**
 * The write-ahead effect journal. Every transition takes the audit head lock first, so the
 * effect row and its audit record commit together and concurrent replicas see each other's
 * commits (a second `begin` of the same id starts nothing).
 */
export function createSqlEffectJournal(db: SqlDb, writer: ChainWriter, owner: string): EffectJournal {
  const read = async (tx: SqlExecutor, id: string) => {
    const r = await tx.get(`SELECT ${COLUMNS} FROM effects WHERE id = $1`, [id]);
    return r ? toEffect(r) : undefined;
  };
  const close = async (
    id: string,
    state: EffectState,
    entry: Parameters<ChainWriter['prepare']>[0],
    allowed: (e: Effect) => boolean,
  ): Promise<{ effect: Effect; record: AuditRecord } | undefined> => {
    const prepared = writer.prepare(entry);
    return db.transaction(async (tx) => {
      const head = await writer.lockHead(tx);
      const effect = await read(tx, id);
      if (!effect || !allowed(effect)) return undefined;
      const { row } = await writer.write(tx, head, prepared);
      const at = Date.parse(row.at);
      await tx.run('UPDATE effects SET state = $1, finished_at = $2, finished_seq = $3 WHERE id = $4', [
        state,
        at,
        row.seq,
        id,
      ]);
      return { effect: { ...effect, state, finishedAt: at, finishedSeq: row.seq }, record: toAuditRecord(row) };
    });
  };

  return {
    async begin(start) {
      const prepared = writer.prepare({
        actor: start.actor,
        action: 'step.started',
        subject: start.subject,
        data: {
          effectId: start.id,
          kind: start.kind,
          ...(start.incidentId !== undefined ? { incidentId: start.incidentId } : {}),
          ...(start.intent !== undefined ? { intent: start.intent } : {}),
        },
      });
      return db.transaction(async (tx) => {
        const head = await writer.lockHead(tx);
        const existing = await read(tx, start.id);
        if (existing) return { started: false as const, effect: existing };
        const { row } = await writer.write(tx, head, prepared);
        const effect: Effect = {
          id: start.id,
          kind: start.kind,
          subject: start.subject,
          incidentId: start.incidentId,
          actor: start.actor,
          owner,
          state: 'started',
          startedAt: Date.parse(row.at),
          finishedAt: undefined,
          startedSeq: row.seq,
          finishedSeq: undefined,
        };
        await tx.run(`INSERT INTO effects (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, NULL)`, [
          effect.id,
          effect.kind,
          effect.subject,
          effect.incidentId ?? null,
          effect.actor,
          owner,
          'started',
          effect.startedAt,
          effect.startedSeq,
        ]);
        return { started: true as const, effect, record: toAuditRecord(row) };
      });
    },
    async finish(id, end) {
      const effect = await read(db, id);
      if (!effect) return undefined;
      return close(
        id,
        end.status,
        {
          actor: effect.actor,
          action: 'step.finished',
          subject: effect.subject,
          data: {
            effectId: id,
            kind: effect.kind,
            status: end.status,
            ...(effect.incidentId !== undefined ? { incidentId: effect.incidentId } : {}),
            ...(end.exitCode !== undefined ? { exitCode: end.exitCode } : {}),
            ...(end.output !== undefined ? { output: end.output } : {}),
            ...(end.detail !== undefined ? { detail: end.detail } : {}),
            ...(effect.state === 'outcome-unknown' ? { afterOutcomeUnknown: true } : {}),
          },
        },
        (e) => e.state === 'started' || e.state === 'outcome-unknown',
      );
    },
    get: (id) => read(db, id),
    async unfinished(filter = {}) {
      const rows = await db.all(
        `SELECT ${COLUMNS} FROM effects WHERE state = 'started' ORDER BY started_at, started_seq`,
      );
      return rows
        .map(toEffect)
        .filter(
          (e) =>
            (filter.owner === undefined && filter.startedBefore === undefined) ||
            (filter.owner !== undefined && e.owner === filter.owner) ||
            (filter.startedBefore !== undefined && e.startedAt < filter.startedBefore),
        );
    },
    async markOutcomeUnknown(id, reason) {
      const effect = await read(db, id);
      if (!effect) return undefined;
      return close(
        id,
        'outcome-unknown',
        {
          actor: 'system',
          action: 'step.outcome-unknown',
          subject: effect.subject,
          data: {
            effectId: id,
            kind: effect.kind,
            startedSeq: effect.startedSeq,
            reason,
            ...(effect.incidentId !== undefined ? { incidentId: effect.incidentId } : {}),
          },
        },
        (e) => e.state === 'started',
      );
    },
  };
}

function toEffect(r: SqlRow): Effect {
  return {
    id: String(r.id),
    kind: String(r.kind),
    subject: String(r.subject),
    incidentId: r.incident_id === null ? undefined : String(r.incident_id),
    actor: String(r.actor) as AuditActor,
    owner: String(r.owner),
    state: String(r.state) as EffectState,
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at === null ? undefined : Number(r.finished_at),
    startedSeq: Number(r.started_seq),
    finishedSeq: r.finished_seq === null ? undefined : Number(r.finished_seq),
  };
}
