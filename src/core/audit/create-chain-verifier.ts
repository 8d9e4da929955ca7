import { plural } from '../formats/plural.ts';
import type { JsonObject } from '../model/json-value.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { auditIncidentId } from './audit-incident-id.ts';
import type { AuditRow } from './audit-row.ts';
import type { ChainBreak } from './chain-break.ts';
import { checkpointKeyId } from './checkpoint-key-id.ts';
import { GENESIS_HASH } from './genesis-hash.ts';
import { headMissing } from './head-missing.ts';
import { recordHash } from './record-hash.ts';
import { checkpointMac } from './sign-checkpoint.ts';
import { verifyCheckpointMac } from './verify-checkpoint-mac.ts';

/** How far a verification got. */
export type ChainProgress = {
  readonly records: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  /** Checkpoints whose signature and hash were checked (0 without a key). */
  readonly checkpointsVerified: number;
  /** Checkpoints seen but not checked (no key given). */
  readonly checkpointsUnchecked: number;
  readonly firstSignedSeq: number | undefined;
  /** The last record covered by a valid checkpoint: everything up to here is authenticated. */
  readonly signedThrough: number | undefined;
  /** The record that matched the expected anchor, once found. */
  readonly anchor: ChainAnchor | undefined;
};

/** A record's hash kept outside the database (`--expect-head HASH[@SEQ]`); without `seq`, any record may have it. */
export type ChainAnchor = { readonly hash: string; readonly seq?: number | undefined };

/** An incremental verifier: feed records in order (with the checkpoint at that seq, if any), then `finish`. */
export type ChainVerifier = {
  push(row: AuditRow, checkpoint: AuditCheckpoint | undefined): ChainBreak | undefined;
  /**
   * After the last record: `head` is the stored chain head (undefined: its row is missing), read
   * after the walk reached the end; `later` are checkpoints whose seq is past the last record walked.
   */
  finish(
    head: { readonly seq: number; readonly hash: string } | undefined,
    later: readonly AuditCheckpoint[],
  ): ChainBreak | undefined;
  progress(): ChainProgress;
};

const range = (from: number, to: number) => (from === to ? `record #${to}` : `records #${from}..#${to}`);

/**
 * Walks a chain from its first record: sequence numbers contiguous from 1, each record's content
 * hashing to its `hash`, each `prevHash` equal to the previous `hash`, its `incident_id` column
 * the one its subject and data name; with a key, every checkpoint's HMAC valid, its hash equal
 * to the record's, and each promised checkpoint present; with an anchor, the anchored record
 * present with that hash. Reports the first break, naming the record.
 */
export function createChainVerifier(key: string | undefined, want?: ChainAnchor): ChainVerifier {
  const keyId = key === undefined ? undefined : checkpointKeyId(key);
  let records = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let verified = 0;
  let unchecked = 0;
  let firstSigned: number | undefined;
  let signedThrough: number | undefined;
  let promised: { at: number; by: number } | undefined;
  let anchor: ChainAnchor | undefined;

  const checkCheckpoint = (row: AuditRow, cp: AuditCheckpoint): ChainBreak | undefined => {
    if (key === undefined || keyId === undefined) {
      unchecked++;
      return undefined;
    }
    if (!verifyCheckpointMac(checkpointMac(key, cp), cp.mac) || cp.keyId !== keyId || cp.seq !== row.seq) {
      const other = cp.keyId !== keyId ? ` (it names key ${cp.keyId}; the configured key is ${keyId})` : '';
      return {
        seq: row.seq,
        kind: 'checkpoint-forged',
        message: `the checkpoint at record #${row.seq} has an invalid signature${other}: it was forged or altered`,
      };
    }
    if (cp.hash !== row.hash) {
      return {
        seq: row.seq,
        kind: 'checkpoint-mismatch',
        message: `${range((signedThrough ?? 0) + 1, row.seq)} ${row.seq === (signedThrough ?? 0) + 1 ? 'was' : 'were'} rewritten after signing: record #${row.seq}'s hash ${short(row.hash)} differs from its signed checkpoint ${short(cp.hash)} (hashes were recomputed without the checkpoint key)`,
      };
    }
    verified++;
    firstSigned ??= row.seq;
    signedThrough = row.seq;
    promised = { at: cp.next, by: row.seq };
    return undefined;
  };

  return {
    push(row, cp) {
      const expected = lastSeq + 1;
      if (row.seq > expected) {
        return {
          seq: expected,
          kind: 'record-missing',
          message: `${range(expected, row.seq - 1)} ${row.seq - 1 === expected ? 'is' : 'are'} missing: the chain jumps from #${lastSeq} to #${row.seq} (deleted)`,
        };
      }
      if (row.seq < expected) {
        return {
          seq: row.seq,
          kind: 'record-out-of-order',
          message: `record #${row.seq} appears again after #${lastSeq} (duplicated or reordered)`,
        };
      }
      if (recordHash(row) !== row.hash) {
        return {
          seq: row.seq,
          kind: 'hash-mismatch',
          message: `record #${row.seq} does not match its hash: a field (or the hash) was edited after it was written`,
        };
      }
      if (row.prevHash !== lastHash) {
        return {
          seq: row.seq,
          kind: 'prev-hash-mismatch',
          message:
            lastSeq === 0
              ? `record #1 does not start from the genesis hash (the chain's beginning was replaced)`
              : `record #${row.seq}'s prevHash does not match record #${lastSeq}'s hash: record #${lastSeq} was rewritten (its hash recomputed), or records were reordered or replaced`,
        };
      }
      const filed = checkIncident(row);
      if (filed) return filed;
      if (cp) {
        const broken = checkCheckpoint(row, cp);
        if (broken) return broken;
      } else if (key !== undefined && promised && row.seq >= promised.at) {
        return {
          seq: row.seq,
          kind: 'checkpoint-missing',
          message: `record #${row.seq} has no signed checkpoint, though the checkpoint at #${promised.by} promised one here: checkpoints were deleted, or the chain after #${promised.by} was rewritten`,
        };
      }
      if (want && anchor === undefined) {
        if (want.seq === row.seq && want.hash !== row.hash) {
          return {
            seq: row.seq,
            kind: 'anchor-mismatch',
            message: `record #${row.seq}'s hash ${row.hash} is not the anchor's ${want.hash}: the chain was rewritten since the anchor was taken`,
          };
        }
        if (want.hash === row.hash && (want.seq ?? row.seq) === row.seq) anchor = { seq: row.seq, hash: row.hash };
      }
      records++;
      lastSeq = row.seq;
      lastHash = row.hash;
      return undefined;
    },
    finish(head, later) {
      if (head === undefined) return headMissing(lastSeq + 1);
      const orphan = later.find((c) => c.seq > lastSeq);
      if (head.seq > lastSeq || orphan) {
        const to = Math.max(head.seq, orphan?.seq ?? 0);
        return {
          seq: lastSeq + 1,
          kind: 'records-truncated',
          message: `${range(lastSeq + 1, to)} ${to === lastSeq + 1 ? 'is' : 'are'} missing from the end: the ${head.seq > lastSeq ? 'chain head' : `checkpoint at #${orphan?.seq}`} says the chain reached #${to} (deleted)`,
        };
      }
      if (head.seq === lastSeq && head.hash !== lastHash) {
        return {
          seq: lastSeq,
          kind: 'hash-mismatch',
          message: `record #${lastSeq}'s hash differs from the stored chain head ${short(head.hash)}: the last record was replaced`,
        };
      }
      if (want && anchor === undefined) {
        return {
          seq: lastSeq + 1,
          kind: 'anchor-mismatch',
          message:
            want.seq === undefined
              ? `no record has the anchor's hash ${want.hash}: the chain was rewritten (or cut short) since the anchor was taken, or the anchor is from another database`
              : `the chain ends at #${lastSeq}, before the anchored record #${want.seq}: records were deleted from the end since the anchor was taken`,
        };
      }
      if (key !== undefined && records > 0 && verified === 0) {
        return {
          seq: 1,
          kind: 'checkpoints-absent',
          message: `none of the ${plural(records, 'record')} is covered by a signed checkpoint: the checkpoints were deleted (or the writers never had audit.checkpointKey)`,
        };
      }
      return undefined;
    },
    progress: () => ({
      records,
      lastSeq,
      lastHash,
      checkpointsVerified: verified,
      checkpointsUnchecked: unchecked,
      firstSignedSeq: firstSigned,
      signedThrough,
      anchor,
    }),
  };
}

/** The `incident_id` column against the incident the hashed subject and data name. */
function checkIncident(row: AuditRow): ChainBreak | undefined {
  let data: JsonObject | undefined;
  // Canonical JSON writes the key literally: most records need no parse.
  if (row.dataJson.includes('"incidentId"')) {
    try {
      data = JSON.parse(row.dataJson) as JsonObject;
    } catch {
      return { seq: row.seq, kind: 'record-malformed', message: `record #${row.seq}'s data is not JSON` };
    }
  }
  const derived = auditIncidentId(row.subject, data) ?? null;
  if (derived === row.incidentId) return undefined;
  const filed = row.incidentId === null ? 'no incident' : `incident ${row.incidentId}`;
  return {
    seq: row.seq,
    kind: 'incident-mismatch',
    message: `record #${row.seq} is filed under ${filed}, but its hashed subject and data say ${derived ?? 'none'}: its incident_id column was edited (records moved between incidents)`,
  };
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
