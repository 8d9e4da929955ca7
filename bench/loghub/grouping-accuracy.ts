/**
 * Grouping accuracy: the fraction of lines whose predicted group holds exactly the same
 * lines as their true group. `predicted[i]` and `truth[i]` label line i.
 */
export function groupingAccuracy(predicted: readonly (string | number)[], truth: readonly string[]): number {
  if (predicted.length !== truth.length) throw new Error('label arrays differ in length');
  if (truth.length === 0) return 1;
  const trueSizes = new Map<string, number>();
  for (const t of truth) trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
  const groups = new Map<string | number, number[]>();
  predicted.forEach((p, i) => {
    const g = groups.get(p);
    if (g === undefined) groups.set(p, [i]);
    else g.push(i);
  });
  let correct = 0;
  for (const lines of groups.values()) {
    const label = truth[lines[0]!]!;
    if (lines.every((i) => truth[i] === label) && trueSizes.get(label) === lines.length) correct += lines.length;
  }
  return correct / truth.length;
}
