import type { TemplateCluster } from './template-cluster.ts';
import { tokenKind } from './token-kind.ts';

const { plainWord, wildcard } = tokenKind;

/**
 * Drain's leaf search: the cluster whose template shares the largest fraction of tokens
 * with the message (a template `<*>` counts when the message has a masked `<*>` there),
 * ties broken by more wildcards, then by the older cluster. Undefined when the best
 * fraction is below `similarity`. With `distinctWords`, a template whose plain word differs
 * from the message's plain word at the same place is not a candidate. A template equal to
 * the message token for token is taken at once, and flagged in `out.exact`.
 */
export function findBestCluster(
  clusters: readonly TemplateCluster[],
  tokens: readonly string[],
  kinds: Uint8Array,
  similarity: number,
  distinctWords: boolean,
  out: { exact: boolean },
): TemplateCluster | undefined {
  out.exact = false;
  let best: TemplateCluster | undefined;
  let bestScore = -1;
  let bestParams = -1;
  const n = tokens.length;
  outer: for (const cluster of clusters) {
    const template = cluster.tokens;
    const templateKinds = cluster.kinds;
    let same = 0;
    let params = 0;
    for (let i = 0; i < n; i++) {
      const tk = templateKinds[i]!;
      if (tk === wildcard) {
        if (kinds[i] === wildcard) same++;
        else params++;
      } else if (template[i] === tokens[i]) same++;
      else if (distinctWords && tk === plainWord && kinds[i] === plainWord) continue outer;
    }
    if (same === n) {
      out.exact = true; // every token equal: nothing can score higher, nothing to generalise
      return cluster;
    }
    const score = n === 0 ? 1 : same / n;
    if (score > bestScore || (score === bestScore && params > bestParams)) {
      best = cluster;
      bestScore = score;
      bestParams = params;
    }
  }
  return bestScore >= similarity ? best : undefined;
}
