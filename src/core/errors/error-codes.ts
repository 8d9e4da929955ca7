/**
 * Every error code Causeway reports, with what it means and how to fix it. `docs/errors.md`
 * lists the same codes (a test keeps them in sync).
 */
export const ERROR_CODES = {
  INPUT_INVALID: {
    meaning: 'An input file or record is malformed (the message names the file, line and field).',
    fix: 'Correct the named field; see shared/specs/incident-bundle.md for the bundle format.',
  },
  INPUT_MISSING: {
    meaning: 'A required input (such as alert.json or a bundle folder) does not exist.',
    fix: 'Check the path; a bundle folder must contain alert.json.',
  },
  CONFIG_INVALID: {
    meaning: 'The configuration (environment variables or the YAML file) failed validation.',
    fix: 'Every problem is listed with its key, the bad value and what is expected; correct them all.',
  },
  USAGE: {
    meaning: 'A command was called with unknown or missing arguments.',
    fix: 'Run the command with --help to see its usage.',
  },
  SOURCE_TIMEOUT: {
    meaning: 'A data source (logs, traces, changes) did not answer within its timeout.',
    fix: 'Check the source is healthy or raise its timeout; the triage completed with the other sources.',
  },
  SOURCE_UNAVAILABLE: {
    meaning: 'A data source could not be reached or answered with an error.',
    fix: 'Check the URL, credentials and that the service is up; the triage completed with the other sources.',
  },
  NO_FIRING_ALERT: {
    meaning: 'The alert payload has no firing alert, so there is no incident time to triage at.',
    fix: 'Triage needs at least one alert with status "firing".',
  },
  STORAGE_UNAVAILABLE: {
    meaning: 'The database (storage.url) could not be opened or reached.',
    fix: 'Check storage.url: for SQLite that the folder is writable, for PostgreSQL the host, port, credentials and that the server is up.',
  },
  STORAGE_SCHEMA_NEWER: {
    meaning: 'The database was migrated by a newer Causeway than this one; this version refuses to start on it.',
    fix: 'Run the newer Causeway (or later), or point storage.url at another database. Nothing was changed.',
  },
  STORAGE_SCHEMA_MISMATCH: {
    meaning:
      'A schema migration recorded in the database differs from the one in this Causeway (a different build created it).',
    fix: 'Use the Causeway build that created the database, or start from a new database. Nothing was changed.',
  },
  AUDIT_CHAIN_BROKEN: {
    meaning:
      'causeway audit verify found the audit chain altered: a record edited, deleted, reordered, or rewritten after signing.',
    fix: 'The message names the first broken record and why. Restore the database from a backup and investigate who had write access.',
  },
  SEED_REJECTED: {
    meaning:
      'causeway seed could not load a bundle into Elasticsearch: an index it would write already exists, or Elasticsearch rejected documents.',
    fix: 'Pass --replace to overwrite the indices (or another --prefix); for rejected documents the message names the first one and the reason.',
  },
  INTERNAL: {
    meaning: 'An unexpected error inside Causeway.',
    fix: 'Please report it with the message; nothing was changed.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
