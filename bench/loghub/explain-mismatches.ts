import type { MinedSample } from './mine-sample.ts';
import { normaliseTemplate } from './parsing-accuracy.ts';

/**
 * A readable account of where a mined sample and the truth disagree: each true template
 * split over several mined templates or sharing one with others (grouping errors), then
 * each mined template that differs from its true one (parsing errors).
 */
export function explainMismatches(mined: MinedSample, truth: readonly string[]): string {
  const truthsOfId = new Map<number, Map<string, number>>();
  const idsOfTruth = new Map<string, Set<number>>();
  mined.ids.forEach((id, i) => {
    const t = truth[i]!;
    const counts = truthsOfId.get(id) ?? new Map<string, number>();
    counts.set(t, (counts.get(t) ?? 0) + 1);
    truthsOfId.set(id, counts);
    const ids = idsOfTruth.get(t) ?? new Set<number>();
    ids.add(id);
    idsOfTruth.set(t, ids);
  });
  const out: string[] = [];
  for (const [t, ids] of idsOfTruth) {
    if (ids.size === 1 && (truthsOfId.get([...ids][0]!)?.size ?? 0) === 1) continue;
    out.push(`TRUTH ${t}`);
    for (const id of ids) {
      const counts = [...(truthsOfId.get(id) ?? [])].map(([, n]) => `${n}x`).join(',');
      out.push(`   #${id} ${mined.templates[mined.ids.indexOf(id)]}  ${counts}`);
    }
  }
  const wrong = new Map<string, string>();
  mined.templates.forEach((m, i) => {
    if (normaliseTemplate(m) !== normaliseTemplate(truth[i]!)) wrong.set(m, truth[i]!);
  });
  for (const [m, t] of wrong) out.push(`PA  got  ${m}\n    want ${t}`);
  return out.join('\n');
}
