import type { ChainBreak } from '../../core/audit/chain-break.ts';
import { collectPayloadRefs } from '../../core/audit/collect-payload-refs.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import { createChainVerifier } from '../../core/audit/create-chain-verifier.ts';
import type { JsonValue } from '../../core/audit/json-value.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';
import type { AuditVerification } from './audit-verification.ts';

export type VerifyAuditOptions = {
  /** The checkpoint key: with it, signatures are checked and a rewritten chain is detected. */
  readonly key?: string | undefined;
  /** Records read per query. */
  readonly batch?: number;
  /** Re-hash stored payloads (default true). */
  readonly payloads?: boolean;
};

/**
 * Walks the whole chain from record #1 up to the head as it was when the walk began (records
 * appended meanwhile are left for the next run) and reports the first broken record and why.
 */
export async function verifyAudit(
  deps: { readonly audit: AuditReader },
  options: VerifyAuditOptions = {},
): Promise<AuditVerification> {
  const { audit } = deps;
  const batch = options.batch ?? 5000;
  const checkPayloads = options.payloads ?? true;
  const head = await audit.head();
  const verifier = createChainVerifier(options.key);
  let payloadsChecked = 0;
  const done = (broken: AuditVerification['broken']): AuditVerification => ({
    ...verifier.progress(),
    ok: broken === undefined,
    broken,
    payloadsChecked,
    keyed: options.key !== undefined,
  });

  // The next batch is read while this one is hashed (PostgreSQL answers in parallel with the CPU work).
  const readBatch = (from: number) => {
    const to = Math.min(head.seq, from + batch - 1);
    return Promise.all([audit.rows(from, to, batch), audit.checkpoints(from, to)]).then(([rows, cps]) => ({
      rows,
      bySeq: new Map(cps.map((c) => [c.seq, c])),
      to,
    }));
  };
  let pending = head.seq >= 1 ? readBatch(1) : undefined;
  while (pending) {
    const { rows, bySeq, to } = await pending;
    const nextFrom = (rows.at(-1)?.seq ?? to) + 1;
    pending = nextFrom <= head.seq ? readBatch(nextFrom) : undefined;
    // A break returns early; a read still in flight must not become an unhandled rejection.
    pending?.catch(() => undefined);
    for (const row of rows) {
      const broken = verifier.push(row, bySeq.get(row.seq));
      if (broken) return done(broken);
      if (checkPayloads && row.dataJson.includes('"$payload"')) {
        const problem = await checkPayloadsOf(audit, row.seq, row.dataJson);
        if (typeof problem === 'number') payloadsChecked += problem;
        else return done(problem);
      }
    }
  }
  const later = await audit.checkpoints(verifier.progress().lastSeq + 1, Number.POSITIVE_INFINITY);
  return done(verifier.finish(head, later));
}

/** Re-hashes the stored payloads a record references: how many were intact, or the first problem. */
async function checkPayloadsOf(audit: AuditReader, seq: number, dataJson: string): Promise<number | ChainBreak> {
  let data: JsonValue;
  try {
    data = JSON.parse(dataJson) as JsonValue;
  } catch {
    return { seq, kind: 'record-malformed', message: `record #${seq}'s data is not JSON` };
  }
  let checked = 0;
  for (const ref of collectPayloadRefs(data)) {
    if (ref.stored === false) continue;
    const content = await audit.payload(ref.$payload);
    if (!content) {
      return {
        seq,
        kind: 'payload-missing',
        message: `record #${seq} references payload ${ref.$payload}, which is missing (deleted)`,
      };
    }
    if (contentHash(content) !== ref.$payload || content.length !== ref.bytes) {
      return {
        seq,
        kind: 'payload-altered',
        message: `record #${seq}'s payload ${ref.$payload} was altered: its content no longer hashes to its name`,
      };
    }
    checked++;
  }
  return checked;
}
