import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { ChainStatus, IncidentFacts } from '../../core/postmortem/incident-facts.ts';
import type { Result } from '../../core/result/result.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { verifiedThrough } from '../audit/verified-through.ts';
import { verifyAudit } from '../audit/verify-audit.ts';

/** How many audit records of one incident are read at most. */
const MAX_RECORDS = 100_000;

/**
 * Reads everything stored about one incident: the incident, its alerts, its latest triage, its
 * runs, the feedback, and its audit records — only those the verified chain vouches for (a
 * record past a break could be forged), with the chain's status. INPUT_MISSING for an unknown id.
 * Given the incident itself (a caller that listed many has it already), it is not read again.
 */
export async function loadIncidentFacts(
  storage: Pick<Storage, 'incidents' | 'runs' | 'feedback' | 'audit'>,
  incidentOrId: string | Incident,
  options: {
    readonly checkpointKey?: string | undefined;
    /** The chain as verified already (by a caller loading many incidents): not walked again. */
    readonly chain?: ChainStatus;
  } = {},
): Promise<Result<IncidentFacts, CausewayError>> {
  const incident = typeof incidentOrId === 'string' ? await storage.incidents.get(incidentOrId) : incidentOrId;
  const incidentId = typeof incidentOrId === 'string' ? incidentOrId : incidentOrId.id;
  if (!incident) return { ok: false, error: { code: 'INPUT_MISSING', message: `no incident ${incidentId}` } };
  const chain = options.chain ?? (await verifyChain(storage, options.checkpointKey));
  const through = chain.verifiedThrough;
  const [alerts, triage, runs, feedback, audit] = await Promise.all([
    storage.incidents.alerts(incidentId),
    storage.incidents.latestTriage(incidentId),
    storage.runs.list(incidentId),
    storage.feedback.list(incidentId),
    storage.audit.query({ incidentId, throughSeq: through, limit: MAX_RECORDS }),
  ]);
  return { ok: true, value: { incident, alerts, triage, runs, feedback, audit, chain } };
}

/** Walks the audit chain once: how far it is verified, and the break if any. */
export async function verifyChain(
  storage: Pick<Storage, 'audit'>,
  checkpointKey: string | undefined,
): Promise<ChainStatus> {
  const v = await verifyAudit(storage, { key: checkpointKey, payloads: false });
  const through = verifiedThrough(v);
  return v.broken
    ? { intact: false, verifiedThrough: through, problem: v.broken.message }
    : { intact: true, verifiedThrough: through };
}
