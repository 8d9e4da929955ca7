import { STEP_TRANSITIONS } from '../../../src/core/runbooks/step-transitions.ts';
import type { RunStore, StepStatus } from '../../../src/core/storage/run-store.ts';

/** Whether the state machine has an event taking a step from `from` to `to`. */
export const machineAllows = (from: StepStatus, to: StepStatus): boolean =>
  Object.values(STEP_TRANSITIONS[from]).includes(to);

/**
 * The run store port, wrapped: every `transitionStep` the use-cases ask for is checked against the
 * core state machine — each status it may move from must have an event leading to the target, and
 * the move it made must be one. What breaks the machine is collected in `violations`.
 */
export function checkedRunStore(inner: RunStore): {
  readonly runs: RunStore;
  readonly violations: string[];
  readonly moves: { readonly from: StepStatus; readonly to: StepStatus }[];
} {
  const violations: string[] = [];
  const moves: { from: StepStatus; to: StepStatus }[] = [];
  const runs: RunStore = {
    ...inner,
    async transitionStep(runId, index, from, patch) {
      for (const s of from)
        if (!machineAllows(s, patch.status)) violations.push(`asked ${s} → ${patch.status} (step ${index})`);
      const before = (await inner.get(runId))?.steps[index]?.status;
      const moved = await inner.transitionStep(runId, index, from, patch);
      const after = moved?.steps[index]?.status;
      if (moved && before && after) {
        moves.push({ from: before, to: after });
        if (!machineAllows(before, after)) violations.push(`moved ${before} → ${after} (step ${index})`);
      }
      return moved;
    },
  };
  return { runs, violations, moves };
}
