import type { ChainBreak } from '../../core/audit/chain-break.ts';
import { collectPayloadRefs } from '../../core/audit/collect-payload-refs.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import { type ChainAnchor, createChainVerifier } from '../../core/audit/create-chain-verifier.ts';
import { recordPastHead } from '../../core/audit/record-past-head.ts';
import type { JsonValue } from '../../core/model/json-value.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';
import type { AuditVerification } from './audit-verification.ts';

export type VerifyAuditOptions = {
  /** The checkpoint key: with it, signatures are checked and a rewritten chain is detected. */
  readonly key?: string | undefined;
  /** A record's hash kept elsewhere (`--expect-head HASH[@SEQ]`): that record must be in the chain, unchanged. */
  readonly expectHead?: ChainAnchor | undefined;
  /** Records read per query. */
  readonly batch?: number;
  /** Re-hash stored payloads (default true). */
  readonly payloads?: boolean;
};

type Head = Awaited<ReturnType<AuditReader['head']>>;

/**
 * Walks every stored record from #1 and reports the first broken one and why. A record past
 * the chain head is refused (nothing Causeway writes can be there: it was inserted, or the head
 * moved back), and the head itself must be present and match the last record. Records appended
 * while the walk runs are checked as far as the head read at its end; later ones are left for
 * the next run.
 */
export async function verifyAudit(
  deps: { readonly audit: AuditReader },
  options: VerifyAuditOptions = {},
): Promise<AuditVerification> {
  const { audit } = deps;
  const batch = options.batch ?? 5000;
  const checkPayloads = options.payloads ?? true;
  const verifier = createChainVerifier(options.key, options.expectHead);
  let payloadsChecked = 0;
  const done = (broken: AuditVerification['broken']): AuditVerification => ({
    ...verifier.progress(),
    ok: broken === undefined,
    broken,
    payloadsChecked,
    keyed: options.key !== undefined,
  });

  // The next batch is read while this one is hashed (PostgreSQL answers in parallel with the CPU work).
  // Checkpoints are read after the records, up to the last record read: a checkpoint commits with its
  // record, so every record seen has its checkpoint visible. Read side by side, a record appended
  // between the two queries could be seen without the checkpoint written with it.
  const readBatch = async (from: number, through: number) => {
    const rows = await audit.rows(from, through, batch);
    const last = rows.at(-1)?.seq;
    const cps = last === undefined ? [] : await audit.checkpoints(from, last);
    return { rows, bySeq: new Map(cps.map((c) => [c.seq, c])) };
  };

  /** Walks the records from `from` through `through`; `head` (when known) is re-read before a record past it is refused. */
  const walk = async (from: number, through: number, head: Head): Promise<ChainBreak | undefined> => {
    let known = head;
    let pending: ReturnType<typeof readBatch> | undefined = from <= through ? readBatch(from, through) : undefined;
    while (pending) {
      const { rows, bySeq } = await pending;
      const last = rows.at(-1)?.seq;
      pending =
        last !== undefined && rows.length === batch && last < through ? readBatch(last + 1, through) : undefined;
      // A break returns early; a read still in flight must not become an unhandled rejection.
      pending?.catch(() => undefined);
      for (const row of rows) {
        // Past the head once the chain has reached it (a gap before the head is a deleted record).
        if (known !== undefined && row.seq > known.seq && verifier.progress().lastSeq >= known.seq) {
          known = await audit.head(); // appended since it was read, or not written by Causeway
          if (known !== undefined && row.seq > known.seq) return recordPastHead(row.seq, known.seq);
        }
        const broken = verifier.push(row, bySeq.get(row.seq));
        if (broken) return broken;
        if (checkPayloads && row.dataJson.includes('"$payload"')) {
          const problem = await checkPayloadsOf(audit, row.seq, row.dataJson);
          if (typeof problem === 'number') payloadsChecked += problem;
          else return problem;
        }
      }
    }
    return undefined;
  };

  const broken = await walk(1, Number.POSITIVE_INFINITY, await audit.head());
  if (broken) return done(broken);
  // At the end: checkpoints first, then the head, so neither can name a record appended after
  // the other was read; records up to that head that arrived meanwhile are walked too.
  const later = await audit.checkpoints(verifier.progress().lastSeq + 1, Number.POSITIVE_INFINITY);
  const head = await audit.head();
  if (head !== undefined && head.seq > verifier.progress().lastSeq) {
    const more = await walk(verifier.progress().lastSeq + 1, head.seq, head);
    if (more) return done(more);
  }
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
