/** Why a chain failed verification. */
export type ChainBreakKind =
  | 'record-missing'
  | 'record-out-of-order'
  | 'record-malformed'
  | 'hash-mismatch'
  | 'prev-hash-mismatch'
  | 'checkpoint-forged'
  | 'checkpoint-mismatch'
  | 'checkpoint-missing'
  | 'checkpoints-absent'
  | 'records-truncated'
  | 'record-past-head'
  | 'head-missing'
  | 'incident-mismatch'
  | 'anchor-mismatch'
  | 'payload-missing'
  | 'payload-altered';

/** The first broken record (`seq`) and a sentence saying what is wrong and what it means. */
export type ChainBreak = { readonly seq: number; readonly kind: ChainBreakKind; readonly message: string };
