import { triageReportCodec } from '../../../core/formats/triage-report-codec.ts';
import type { Alert } from '../../../core/model/alert.ts';
import type { Incident, IncidentAlert, IncidentStore, TriageResult } from '../../../core/storage/incident-store.ts';
import type { SqlDb, SqlExecutor, SqlRow } from './sql-db.ts';

const COLUMNS = 'id, title, service, status, opened_at, as_of, resolved_at';

/** The annotation in which rows written before migration 3 kept a grouped alert's own fingerprint. */
const LEGACY_OWN_FINGERPRINT = 'causeway.fingerprint';

/** Incidents on either backend; a group key belongs to at most one open incident (a unique row). */
export function createSqlIncidentStore(db: SqlDb): IncidentStore {
  const load = async (q: SqlExecutor, id: string, lock = false): Promise<Incident | undefined> => {
    const r = await q.get(`SELECT ${COLUMNS} FROM incidents WHERE id = $1${lock ? db.forUpdate : ''}`, [id]);
    if (!r) return undefined;
    const fps = await q.all(
      'SELECT fingerprint FROM incident_fingerprints WHERE incident_id = $1 ORDER BY first_n, fingerprint',
      [id],
    );
    return toIncident(
      r,
      fps.map((f) => String(f.fingerprint)),
    );
  };
  const addAlert = async (tx: SqlExecutor, incidentId: string, alert: Alert, groupKey: string, at: number) => {
    const last = await tx.get('SELECT MAX(n) AS n FROM incident_alerts WHERE incident_id = $1', [incidentId]);
    const n = Number(last?.n ?? 0) + 1;
    await tx.run(
      'INSERT INTO incident_alerts (incident_id, n, fingerprint, group_key, received_at, alert) VALUES ($1, $2, $3, $4, $5, $6)',
      [incidentId, n, alert.fingerprint, groupKey, at, JSON.stringify(alert)],
    );
    await tx.run(
      `INSERT INTO incident_fingerprints (incident_id, fingerprint, first_n, first_seen, last_seen, alerts)
       VALUES ($1, $2, $3, $4, $4, 1)
       ON CONFLICT (incident_id, fingerprint) DO UPDATE SET last_seen = excluded.last_seen,
         alerts = incident_fingerprints.alerts + 1`,
      [incidentId, alert.fingerprint, n, at],
    );
    await tx.run('UPDATE incidents SET updated_at = $1 WHERE id = $2', [at, incidentId]);
  };

  const openHolding = (q: SqlExecutor, fingerprint: string) =>
    q.get(
      `SELECT f.incident_id FROM incident_fingerprints f JOIN incidents i ON i.id = f.incident_id
       WHERE f.fingerprint = $1 AND i.status = 'open' ORDER BY i.opened_at DESC, i.id DESC LIMIT 1`,
      [fingerprint],
    );

  return {
    openOrJoin: (input) =>
      db.transaction(async (tx) => {
        const fp = input.alert.fingerprint;
        const key = input.groupKey ?? fp;
        // The same alert again (a re-notification, a delivery by another path): its open incident.
        const holder = await openHolding(tx, fp);
        if (holder) {
          const id = String(holder.incident_id);
          const incident = await load(tx, id, true);
          if (incident?.status === 'open') {
            const claim = await tx.get('SELECT group_key FROM open_groups WHERE incident_id = $1', [id]);
            await addAlert(tx, id, input.alert, claim ? String(claim.group_key) : key, input.at);
            return { incident: (await load(tx, id)) as Incident, created: false };
          }
        }
        // A resolve racing with this join frees the group key: then the next round claims it.
        for (let round = 0; ; round++) {
          if (round === 5) throw new Error(`openOrJoin: group ${key} is claimed by a missing incident`);
          const claimed = await tx.run(
            'INSERT INTO open_groups (group_key, incident_id) VALUES ($1, $2) ON CONFLICT (group_key) DO NOTHING',
            [key, input.newId],
          );
          if (claimed === 1) break;
          // Taken (possibly by a replica that committed while this insert waited): join it.
          const owner = await tx.get('SELECT incident_id FROM open_groups WHERE group_key = $1', [key]);
          if (!owner) continue;
          const id = String(owner.incident_id);
          const incident = await load(tx, id, true);
          if (incident?.status !== 'open') continue;
          await addAlert(tx, id, input.alert, key, input.at);
          return { incident: (await load(tx, id)) as Incident, created: false };
        }
        await tx.run(
          `INSERT INTO incidents (id, title, service, status, opened_at, as_of, resolved_at, updated_at)
           VALUES ($1, $2, $3, 'open', $4, $5, NULL, $4)`,
          [input.newId, input.title ?? input.alert.name, input.alert.service ?? null, input.at, input.asOf ?? input.at],
        );
        await addAlert(tx, input.newId, input.alert, key, input.at);
        return { incident: (await load(tx, input.newId)) as Incident, created: true };
      }),
    get: (id) => load(db, id),
    async findOpen(fingerprint) {
      const r = await openHolding(db, fingerprint);
      return r ? load(db, String(r.incident_id)) : undefined;
    },
    async findOpenGroup(groupKey) {
      const r = await db.get('SELECT incident_id FROM open_groups WHERE group_key = $1', [groupKey]);
      return r ? load(db, String(r.incident_id)) : undefined;
    },
    async list(filter = {}) {
      const rows = await db.all(
        `SELECT id FROM incidents ${filter.status ? 'WHERE status = $2' : ''} ORDER BY opened_at DESC, id DESC LIMIT $1`,
        filter.status ? [filter.limit ?? 100, filter.status] : [filter.limit ?? 100],
      );
      const out: Incident[] = [];
      for (const r of rows) {
        const i = await load(db, String(r.id));
        if (i) out.push(i);
      }
      return out;
    },
    async alerts(incidentId) {
      const rows = await db.all(
        'SELECT incident_id, n, fingerprint, group_key, received_at, alert FROM incident_alerts WHERE incident_id = $1 ORDER BY n',
        [incidentId],
      );
      return rows.map(
        (r): IncidentAlert => ({
          incidentId: String(r.incident_id),
          n: Number(r.n),
          fingerprint: String(r.fingerprint),
          groupKey: String(r.group_key),
          receivedAt: Number(r.received_at),
          alert: toAlert(JSON.parse(String(r.alert)) as Record<string, unknown>, String(r.fingerprint)),
        }),
      );
    },
    resolve: (id, at) =>
      db.transaction(async (tx) => {
        const incident = await load(tx, id, true);
        if (!incident) return undefined;
        if (incident.status === 'resolved') return incident;
        await tx.run("UPDATE incidents SET status = 'resolved', resolved_at = $1, updated_at = $1 WHERE id = $2", [
          at,
          id,
        ]);
        await tx.run('DELETE FROM open_groups WHERE incident_id = $1', [id]);
        return { ...incident, status: 'resolved', resolvedAt: at };
      }),
    saveTriage: (incidentId, result) =>
      db.transaction(async (tx) => {
        const incident = await load(tx, incidentId, true);
        if (!incident) throw new Error(`saveTriage: no incident ${incidentId}`);
        const last = await tx.get('SELECT MAX(version) AS v FROM triage_results WHERE incident_id = $1', [incidentId]);
        const saved: TriageResult = {
          incidentId,
          version: Number(last?.v ?? 0) + 1,
          createdAt: result.at,
          asOf: incident.asOf,
          report: result.report,
          origin: result.origin,
        };
        const encoded = triageReportCodec.encode({ report: result.report, origin: result.origin });
        await tx.run(
          'INSERT INTO triage_results (incident_id, version, created_at, as_of, report) VALUES ($1, $2, $3, $4, $5)',
          [incidentId, saved.version, saved.createdAt, saved.asOf, JSON.stringify(encoded)],
        );
        return saved;
      }),
    async latestTriage(incidentId) {
      const r = await db.get(
        'SELECT incident_id, version, created_at, as_of, report FROM triage_results WHERE incident_id = $1 ORDER BY version DESC LIMIT 1',
        [incidentId],
      );
      if (!r) return undefined;
      const decoded = triageReportCodec.decode(JSON.parse(String(r.report)));
      // Every row this code or an earlier one wrote decodes; anything else is a damaged database.
      if (!decoded.ok)
        throw new Error(
          `triage_results (incident ${incidentId}, version ${String(r.version)}): ${decoded.error.field}: ${decoded.error.message}`,
        );
      return {
        incidentId: String(r.incident_id),
        version: Number(r.version),
        createdAt: Number(r.created_at),
        asOf: Number(r.as_of),
        report: decoded.value.report,
        origin: decoded.value.origin,
      };
    },
  };
}

function toIncident(r: SqlRow, fingerprints: string[]): Incident {
  return {
    id: String(r.id),
    title: String(r.title),
    service: r.service === null ? undefined : String(r.service),
    status: r.status === 'resolved' ? 'resolved' : 'open',
    openedAt: Number(r.opened_at),
    asOf: Number(r.as_of),
    resolvedAt: r.resolved_at === null ? undefined : Number(r.resolved_at),
    fingerprints,
  };
}

/**
 * An alert as stored, with its own fingerprint (the `fingerprint` column). Rows written before
 * migration 3 hold a grouped alert under its group key with the own fingerprint in an annotation:
 * that annotation is dropped.
 */
function toAlert(a: Record<string, unknown>, fingerprint: string): Alert {
  const opt = (v: unknown) => (v === undefined || v === null ? undefined : v);
  const { [LEGACY_OWN_FINGERPRINT]: _legacy, ...annotations } = strings(a.annotations);
  return {
    fingerprint,
    name: String(a.name),
    status: a.status === 'resolved' ? 'resolved' : 'firing',
    service: opt(a.service) as string | undefined,
    labels: strings(a.labels),
    annotations,
    startsAt: Number(a.startsAt),
    endsAt: opt(a.endsAt) as number | undefined,
    generatorUrl: opt(a.generatorUrl) as string | undefined,
    source: String(a.source),
  };
}

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
