import type { ChainBreak } from '../../core/audit/chain-break.ts';
import type { ChainProgress } from '../../core/audit/create-chain-verifier.ts';

/** The outcome of `verifyAudit`: how far the walk got and the first break, if any. */
export type AuditVerification = ChainProgress & {
  readonly ok: boolean;
  readonly broken: ChainBreak | undefined;
  /** Stored payloads re-hashed and found intact. */
  readonly payloadsChecked: number;
  /** Whether a checkpoint key was used. */
  readonly keyed: boolean;
};
