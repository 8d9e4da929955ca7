import type { AuditActor } from '../audit/audit-actor.ts';

/** A kill switch in force: for one service, or `all`; set by someone from an approver group. */
export type Pause = {
  readonly scope: string;
  readonly by: AuditActor;
  readonly reason: string;
  readonly at: number;
};

/** The pause that stops autonomy for `service` (one for `all` first), if any. */
export function pauseFor(pauses: readonly Pause[], service: string | undefined): Pause | undefined {
  return pauses.find((p) => p.scope === 'all') ?? pauses.find((p) => service !== undefined && p.scope === service);
}
