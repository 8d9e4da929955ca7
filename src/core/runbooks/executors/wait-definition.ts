import { z } from 'zod';
import type { ExecutorDefinition } from '../executor-definition.ts';
import { parseDuration } from '../parse-duration.ts';
import { fillTemplate } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

const schema = z.strictObject({ duration: z.string({ error: 'expected a duration such as 30s' }).min(1) });

/** `wait`: pauses for a duration (e.g. to let a rollout settle before the next step). */
export const waitDefinition: ExecutorDefinition = {
  name: 'wait',
  summary: 'waits for a duration',
  risk: () => 'read',
  check(args) {
    const parsed = schema.safeParse(args);
    return parsed.success ? [] : zodProblems(parsed.error);
  },
  render(args, params) {
    const parsed = schema.safeParse(args);
    if (!parsed.success) return { ok: false, error: zodProblems(parsed.error) };
    const text = fillTemplate(parsed.data.duration, params);
    const ms = parseDuration(text);
    if (ms === undefined || ms > 86_400_000)
      return { ok: false, error: [{ path: ['duration'], message: `"${text}" is not a duration up to 1d` }] };
    return { ok: true, value: { action: { durationMs: ms }, display: [`wait ${text}`] } };
  },
};
