import type { AutonomyLevel } from './autonomy-level.ts';
import type { Risk } from './risk.ts';

/** Where a parameter's value may come from when nobody gives it. */
export type ParamFrom =
  | { readonly kind: 'alert.label'; readonly label: string }
  | {
      readonly kind: 'alert.service' | 'alert.name' | 'hypothesis.service' | 'hypothesis.kind' | 'hypothesis.changeId';
    };

/** A typed runbook parameter. Values are checked the same way whoever gives them (a person, an alert, a default). */
export type ParamSpec = {
  readonly name: string;
  readonly type: 'string' | 'int' | 'enum' | 'duration';
  readonly description: string | undefined;
  /** string: a regular expression the whole value must match (default: a plain word, see docs/runbooks.md). */
  readonly pattern: string | undefined;
  readonly maxLength: number;
  /** int: bounds; duration: bounds in milliseconds. */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** enum: the allowed values. */
  readonly values: readonly string[] | undefined;
  /** Already checked against the spec at load. */
  readonly default: string | number | undefined;
  readonly from: ParamFrom | undefined;
  /** The `from` text as written (for messages and the plan). */
  readonly fromText: string | undefined;
};

/** Who must approve a step: at least `min` distinct people from the named approver groups. */
export type StepApproval = { readonly min: number; readonly from: readonly string[] };

export type OnFailure = 'stop' | 'continue' | 'rollback';

/** One step as validated: `with` is checked by its executor and filled from params only when rendered. */
export type RunbookStep = {
  readonly id: string;
  /** May use `{{ params.NAME }}`. */
  readonly name: string;
  readonly uses: string;
  readonly with: Readonly<Record<string, unknown>>;
  readonly risk: Risk;
  /** The approval needed, after the policy (undefined: none, only for read steps). */
  readonly approval: StepApproval | undefined;
  readonly timeoutMs: number;
  readonly onFailure: OnFailure;
  readonly verify: RunbookStep | undefined;
  readonly rollback: readonly RunbookStep[];
  /** Its own level, or the runbook's (verify and rollback steps: their main step's). */
  readonly autonomy: AutonomyLevel;
};

/** When a runbook is offered for an incident; every listed condition must hold (empty: not offered automatically). */
export type RunbookMatch = {
  readonly alerts: readonly string[];
  readonly labels: Readonly<Record<string, readonly string[]>>;
  readonly services: readonly string[];
  readonly kinds: readonly string[];
  /** How many of the top hypotheses are considered. */
  readonly top: number;
  /** Autonomy: the calibrated probability the top hypothesis needs (undefined: autonomy.minProbability). */
  readonly minProbability?: number | undefined;
};

export type Runbook = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The runbook's level (default supervised); each step may lower it, never raise it. */
  readonly autonomy: AutonomyLevel;
  /** Undefined: never offered automatically (run it with `/causeway run`). */
  readonly match: RunbookMatch | undefined;
  readonly params: readonly ParamSpec[];
  readonly steps: readonly RunbookStep[];
};
