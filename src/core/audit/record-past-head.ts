import type { ChainBreak } from './chain-break.ts';

/** A stored record with a sequence number past the chain head: nothing Causeway wrote can be there. */
export function recordPastHead(seq: number, headSeq: number): ChainBreak {
  return {
    seq,
    kind: 'record-past-head',
    message: `record #${seq} is past the chain head (#${headSeq}): it was inserted outside Causeway, or the head was moved back`,
  };
}
