import type { Migration } from './migration.ts';

/**
 * Incidents (alerts by fingerprint, triage results), change events, feedback, runbook runs and
 * approvals, the effect journal, and the audit chain (records, head, checkpoints, payloads).
 * Times are epoch milliseconds except the audit record's own `at` (its ISO text is hashed).
 * JSON documents are stored as text, byte for byte.
 */
export const m001InitialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  statements: (dialect) => {
    const big = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    const bytes = dialect === 'postgres' ? 'BYTEA' : 'BLOB';
    const appendOnly =
      dialect === 'postgres'
        ? [
            `CREATE FUNCTION causeway_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
            ...['audit_log', 'audit_checkpoints'].map(
              (t) => `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t}
                      FOR EACH ROW EXECUTE FUNCTION causeway_append_only()`,
            ),
          ]
        : ['audit_log', 'audit_checkpoints'].flatMap((t) =>
            ['UPDATE', 'DELETE'].map(
              (op) => `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t}
                       BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
            ),
          );
    return [
      `CREATE TABLE incidents (
         id TEXT PRIMARY KEY,
         title TEXT NOT NULL,
         service TEXT,
         status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
         opened_at ${big} NOT NULL,
         as_of ${big} NOT NULL,
         resolved_at ${big},
         updated_at ${big} NOT NULL)`,
      `CREATE INDEX incidents_opened ON incidents (opened_at)`,
      `CREATE TABLE incident_fingerprints (
         incident_id TEXT NOT NULL REFERENCES incidents (id),
         fingerprint TEXT NOT NULL,
         first_n INTEGER NOT NULL,
         first_seen ${big} NOT NULL,
         last_seen ${big} NOT NULL,
         alerts INTEGER NOT NULL,
         PRIMARY KEY (incident_id, fingerprint))`,
      `CREATE TABLE open_fingerprints (
         fingerprint TEXT PRIMARY KEY,
         incident_id TEXT NOT NULL)`,
      `CREATE INDEX open_fingerprints_incident ON open_fingerprints (incident_id)`,
      `CREATE TABLE incident_alerts (
         incident_id TEXT NOT NULL REFERENCES incidents (id),
         n INTEGER NOT NULL,
         fingerprint TEXT NOT NULL,
         received_at ${big} NOT NULL,
         alert TEXT NOT NULL,
         PRIMARY KEY (incident_id, n))`,
      `CREATE TABLE triage_results (
         incident_id TEXT NOT NULL REFERENCES incidents (id),
         version INTEGER NOT NULL,
         created_at ${big} NOT NULL,
         as_of ${big} NOT NULL,
         report TEXT NOT NULL,
         PRIMARY KEY (incident_id, version))`,
      `CREATE TABLE change_events (
         id TEXT PRIMARY KEY,
         service TEXT NOT NULL,
         started_at ${big} NOT NULL,
         received_at ${big} NOT NULL,
         event TEXT NOT NULL)`,
      `CREATE INDEX change_events_started ON change_events (started_at)`,
      `CREATE TABLE feedback (
         incident_id TEXT NOT NULL,
         hypothesis_id TEXT NOT NULL,
         user_id TEXT NOT NULL,
         verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'unsure')),
         note TEXT,
         at ${big} NOT NULL,
         PRIMARY KEY (incident_id, hypothesis_id, user_id))`,
      `CREATE TABLE runs (
         id TEXT PRIMARY KEY,
         incident_id TEXT NOT NULL,
         runbook TEXT NOT NULL,
         proposed_by TEXT NOT NULL,
         status TEXT NOT NULL,
         created_at ${big} NOT NULL,
         updated_at ${big} NOT NULL)`,
      `CREATE INDEX runs_incident ON runs (incident_id, created_at)`,
      `CREATE TABLE run_steps (
         run_id TEXT NOT NULL REFERENCES runs (id),
         idx INTEGER NOT NULL,
         name TEXT NOT NULL,
         risk TEXT NOT NULL CHECK (risk IN ('low', 'high')),
         rendered_hash TEXT NOT NULL,
         status TEXT NOT NULL,
         exit_code INTEGER,
         output_hash TEXT,
         started_at ${big},
         finished_at ${big},
         PRIMARY KEY (run_id, idx))`,
      `CREATE TABLE approval_requests (
         run_id TEXT NOT NULL,
         step_idx INTEGER NOT NULL,
         step_hash TEXT NOT NULL,
         requested_by TEXT NOT NULL,
         required INTEGER NOT NULL,
         requested_at ${big} NOT NULL,
         expires_at ${big} NOT NULL,
         state TEXT NOT NULL CHECK (state IN ('pending', 'granted', 'denied', 'expired')),
         settled_at ${big},
         PRIMARY KEY (run_id, step_idx),
         FOREIGN KEY (run_id, step_idx) REFERENCES run_steps (run_id, idx))`,
      `CREATE TABLE approval_decisions (
         run_id TEXT NOT NULL,
         step_idx INTEGER NOT NULL,
         approver TEXT NOT NULL,
         decision TEXT NOT NULL CHECK (decision IN ('granted', 'denied')),
         step_hash TEXT NOT NULL,
         at ${big} NOT NULL,
         PRIMARY KEY (run_id, step_idx, approver),
         FOREIGN KEY (run_id, step_idx) REFERENCES approval_requests (run_id, step_idx))`,
      `CREATE TABLE effects (
         id TEXT PRIMARY KEY,
         kind TEXT NOT NULL,
         subject TEXT NOT NULL,
         incident_id TEXT,
         actor TEXT NOT NULL,
         owner TEXT NOT NULL,
         state TEXT NOT NULL CHECK (state IN ('started', 'succeeded', 'failed', 'outcome-unknown')),
         started_at ${big} NOT NULL,
         finished_at ${big},
         started_seq ${big} NOT NULL,
         finished_seq ${big})`,
      `CREATE INDEX effects_unfinished ON effects (state, started_at)`,
      `CREATE TABLE audit_log (
         seq ${big} PRIMARY KEY,
         at TEXT NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         subject TEXT NOT NULL,
         data TEXT NOT NULL,
         prev_hash TEXT NOT NULL UNIQUE,
         hash TEXT NOT NULL,
         incident_id TEXT)`,
      `CREATE INDEX audit_log_incident ON audit_log (incident_id, seq)`,
      `CREATE INDEX audit_log_at ON audit_log (at)`,
      `CREATE TABLE audit_head (
         id INTEGER PRIMARY KEY CHECK (id = 1),
         seq ${big} NOT NULL,
         hash TEXT NOT NULL,
         checkpoint_next ${big})`,
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`,
      `CREATE TABLE audit_checkpoints (
         seq ${big} PRIMARY KEY,
         hash TEXT NOT NULL,
         next_seq ${big} NOT NULL,
         key_id TEXT NOT NULL,
         mac TEXT NOT NULL)`,
      `CREATE TABLE audit_payloads (
         hash TEXT PRIMARY KEY,
         bytes ${big} NOT NULL,
         content ${bytes} NOT NULL)`,
      ...appendOnly,
    ];
  },
};
