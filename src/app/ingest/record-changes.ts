import type { LogPort } from '../../core/ingest/log-port.ts';
import type { ChangeEvent } from '../../core/model/change-event.ts';
import type { ChangeStore } from '../../core/storage/change-store.ts';

/**
 * Stores change events (deploys, config changes) for triage, durably before the sender is
 * answered; idempotent by id (a re-delivered webhook, or a later status of the same deploy,
 * replaces the event). Throws only when the store fails.
 */
export async function recordChanges(
  deps: { readonly changes: ChangeStore; readonly now: () => number; readonly log: LogPort },
  input: { readonly source: string; readonly changes: readonly ChangeEvent[] },
): Promise<{ readonly recorded: number; readonly ids: readonly string[] }> {
  await deps.changes.put(input.changes, deps.now());
  const ids = input.changes.map((c) => c.id);
  deps.log.info({ source: input.source, ids: ids.slice(0, 20) }, 'change events recorded');
  return { recorded: ids.length, ids };
}
