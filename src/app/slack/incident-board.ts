import type { IncidentView } from '../../core/chat/incident-view.ts';
import type { MessageSync } from './message-sync.ts';

/** An incident whose message this process posted: where it is, its thread, what it shows. */
export type BoardEntry = {
  readonly sync: MessageSync;
  /** The thread the incident's details go to (the alert's message, or the incident message itself). */
  readonly threadTs: string;
  view: IncidentView;
};

/** The incidents this process is showing (in memory; a restart loses only the ability to edit old messages). */
export type IncidentBoard = {
  get(incidentId: string): BoardEntry | undefined;
  set(incidentId: string, entry: BoardEntry): void;
  /** The incident whose details go to this thread. */
  findByThread(threadTs: string): { incidentId: string; entry: BoardEntry } | undefined;
};

/** An empty board, keeping at most `max` incidents (the oldest are forgotten). */
export function createIncidentBoard(max = 1000): IncidentBoard {
  const entries = new Map<string, BoardEntry>();
  return {
    get: (id) => entries.get(id),
    findByThread(threadTs) {
      for (const [incidentId, entry] of entries) if (entry.threadTs === threadTs) return { incidentId, entry };
      return undefined;
    },
    set(id, entry) {
      entries.delete(id);
      entries.set(id, entry);
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
