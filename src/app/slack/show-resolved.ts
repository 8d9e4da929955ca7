import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import type { IncidentBoard } from './incident-board.ts';

/** The incident's message (when this process posted it) says it resolved. */
export async function showResolved(board: IncidentBoard, incidentId: string): Promise<void> {
  const entry = board.get(incidentId);
  if (!entry) return;
  entry.view = { ...entry.view, resolved: true };
  entry.sync.show(buildIncidentMessage(entry.view));
  await entry.sync.flush();
}
