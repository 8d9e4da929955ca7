import type { AuditCheckpoint } from '../audit/audit-checkpoint.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { AuditRecord } from '../audit/audit-record.ts';
import type { AuditRow } from '../audit/audit-row.ts';

/** Which records `AuditReader.query` returns: all filters combine, in chain order. */
export type AuditQuery = {
  /** Records whose `data.incidentId` (or `incident:` subject) is this id. */
  readonly incidentId?: string;
  /** Records written at or after this ISO 8601 time. */
  readonly since?: string;
  /** Records with a sequence number greater than this (for paging). */
  readonly afterSeq?: number;
  /** Records with a sequence number at most this (e.g. the last verified one). */
  readonly throughSeq?: number;
  readonly limit?: number;
};

/** Reading the log: for verification (raw rows), export and timelines (parsed records). */
export type AuditReader = {
  /**
   * The chain head as last written (`seq` 0 and the genesis hash when empty); `undefined` when
   * its row was deleted (outside Causeway: appends are impossible until it is restored).
   */
  head(): Promise<{ readonly seq: number; readonly hash: string } | undefined>;
  /** Raw rows with `from <= seq <= to`, ascending, at most `limit`. */
  rows(from: number, to: number, limit: number): Promise<AuditRow[]>;
  /** Checkpoints with `from <= seq <= to`, ascending (`to` may be `Infinity`). */
  checkpoints(from: number, to: number): Promise<AuditCheckpoint[]>;
  query(q: AuditQuery): Promise<AuditRecord[]>;
  /** A stored payload by its `sha256:` name. */
  payload(hash: string): Promise<Uint8Array | undefined>;
};

/**
 * The append-only, hash-chained audit log (one chain per installation). `append` redacts
 * secrets, stores large strings once as payloads, seals the record after the current head
 * (serialised across processes and replicas) and resolves once it is durable. It rejects on a
 * malformed entry (unknown action, bad actor) — a programming error — or a storage failure.
 */
export type AuditLog = AuditReader & {
  append(entry: AuditEntry): Promise<AuditRecord>;
};
