import type { AuditEntry } from '../../src/core/audit/audit-entry.ts';

/** A typical audit entry (an evidence query, ~250 bytes of data), varied by `i`. */
export function benchEntry(i: number): AuditEntry {
  return {
    actor: 'system',
    action: 'evidence.queried',
    subject: `incident:INC-${i >> 6}`,
    data: {
      source: 'logs',
      query: `service:checkout AND level:error AND @timestamp >= now-${i % 90}m`,
      status: 'ok',
      summary: `${(i * 37) % 1000} error logs, top template "payment declined <*>"`,
      resultHash: `sha256:${(i * 2654435761).toString(16).padStart(64, '0').slice(-64)}`,
      durationMs: i % 250,
    },
  };
}
