import type { Effect, EffectJournal } from '../../core/storage/effect-journal.ts';

/**
 * At start-up: closes the effects this instance started but never finished (it was killed
 * in between) — and any effect older than `staleBefore`, whoever started it — as "outcome
 * unknown". They are never re-run here; a person decides. Returns what was closed.
 */
export async function recoverUnfinished(
  deps: { readonly effects: EffectJournal },
  input: { readonly owner: string; readonly staleBefore?: number },
): Promise<Effect[]> {
  const open = await deps.effects.unfinished({
    owner: input.owner,
    ...(input.staleBefore !== undefined ? { startedBefore: input.staleBefore } : {}),
  });
  const closed: Effect[] = [];
  for (const e of open) {
    const reason =
      e.owner === input.owner
        ? `Causeway (${input.owner}) stopped after the effect started and before it finished; whether it ran is unknown`
        : `started by ${e.owner} and not finished in time; whether it ran is unknown`;
    const r = await deps.effects.markOutcomeUnknown(e.id, reason);
    if (r) closed.push(r.effect);
  }
  return closed;
}
