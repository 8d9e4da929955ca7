import type { Migration } from './migration.ts';

/**
 * Earned autonomy (docs/autonomy.md): what each runbook would have run for each incident (shadow
 * records, scored later), the kill switches in force, demotions, and the autonomous runs with
 * their durable countdown (the stop window survives a restart; one replica claims the run).
 */
export const m005Autonomy: Migration = {
  version: 5,
  name: 'autonomy',
  statements: (dialect) => {
    const big = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    const real = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
    return [
      `CREATE TABLE shadow_records (
         id TEXT PRIMARY KEY,
         incident_id TEXT NOT NULL,
         runbook TEXT NOT NULL,
         hypothesis_id TEXT,
         service TEXT,
         kind TEXT,
         probability ${real},
         plan_hash TEXT NOT NULL,
         steps TEXT NOT NULL,
         recorded_at ${big} NOT NULL,
         outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'agreed', 'disagreed', 'no-outcome')),
         scored_at ${big},
         reason TEXT,
         UNIQUE (incident_id, runbook))`,
      `CREATE INDEX shadow_records_runbook ON shadow_records (runbook, recorded_at)`,
      `CREATE TABLE autonomy_pauses (
         scope TEXT PRIMARY KEY,
         paused_by TEXT NOT NULL,
         reason TEXT NOT NULL,
         at ${big} NOT NULL)`,
      `CREATE TABLE autonomy_demotions (
         runbook TEXT NOT NULL,
         incident_id TEXT NOT NULL,
         cause TEXT NOT NULL CHECK (cause IN ('thumbs-down', 'verify-failed', 'undo')),
         demoted_by TEXT NOT NULL,
         at ${big} NOT NULL,
         PRIMARY KEY (runbook, incident_id, cause))`,
      `CREATE TABLE autonomous_runs (
         run_id TEXT PRIMARY KEY,
         incident_id TEXT NOT NULL,
         runbook TEXT NOT NULL,
         service TEXT NOT NULL,
         step_idx INTEGER NOT NULL,
         announced_at ${big} NOT NULL,
         due_at ${big} NOT NULL,
         state TEXT NOT NULL CHECK (state IN ('counting', 'stopped', 'running', 'finished', 'undone')),
         settled_by TEXT,
         settled_at ${big})`,
      `CREATE INDEX autonomous_runs_service ON autonomous_runs (service, announced_at)`,
      `CREATE INDEX autonomous_runs_due ON autonomous_runs (state, due_at)`,
    ];
  },
};
