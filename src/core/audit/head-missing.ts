import type { ChainBreak } from './chain-break.ts';

/** The `audit_head` row is gone: `seq` is the record after the last one found. */
export function headMissing(seq: number): ChainBreak {
  return {
    seq,
    kind: 'head-missing',
    message:
      'the chain head row (audit_head) is missing: it was deleted outside Causeway, and no record can be appended until it is restored (with the seq and hash of the last record)',
  };
}
