import type { RenderedStep } from '../runbooks/rendered-step.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

const RISK_ICON = { read: '👀', low: '🟡', high: '🔴' } as const;

/** A step's title line: number, name, role, risk (and approval rule unless `bare`). */
export function runbookStepTitle(step: RenderedStep, steps: readonly RenderedStep[]): string {
  const parent = step.parent !== undefined ? steps[step.parent] : undefined;
  const role =
    step.role === 'verify'
      ? ` _(verifies ${(parent?.index ?? 0) + 1})_`
      : step.role === 'rollback'
        ? ` _(rollback of ${(parent?.index ?? 0) + 1}, only if it fails)_`
        : '';
  const approval = step.approval
    ? `needs ${step.approval.min} approval${step.approval.min > 1 ? 's' : ''} from ${step.approval.from.join(', ')}`
    : 'no approval needed';
  return `${RISK_ICON[step.risk]} *${step.index + 1}. ${escapeMrkdwn(step.name)}*${role} · ${step.risk} risk · ${approval}`;
}
