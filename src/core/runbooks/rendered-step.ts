import type { JsonObject } from '../model/json-value.ts';
import type { Risk } from './risk.ts';
import type { OnFailure, StepApproval } from './runbook.ts';

/**
 * One step exactly as it would run: the executor's rendered action (argv, URL …), how to show it,
 * and the hash approvals bind to. `index` is its place in the run (main steps, each followed by
 * its verify step and its rollback steps).
 */
export type RenderedStep = {
  readonly index: number;
  readonly id: string;
  readonly role: 'main' | 'verify' | 'rollback';
  /** For verify and rollback steps: the index of their main step. */
  readonly parent: number | undefined;
  readonly name: string;
  readonly uses: string;
  readonly risk: Risk;
  readonly approval: StepApproval | undefined;
  readonly timeoutMs: number;
  readonly onFailure: OnFailure;
  readonly action: JsonObject;
  readonly display: readonly string[];
  /** `sha256:…` of the canonical JSON of everything above except `index` and `display`. */
  readonly hash: string;
};
