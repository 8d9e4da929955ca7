import { generaliseToken } from './generalise-token.ts';
import type { TemplateCluster } from './template-cluster.ts';
import { tokenKind } from './token-kind.ts';

/**
 * Generalises, in place, every template token that differs from the message token (see
 * generaliseToken). Returns whether the template changed.
 */
export function generaliseTemplate(cluster: TemplateCluster, tokens: readonly string[]): boolean {
  let changed = false;
  const template = cluster.tokens;
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (cluster.kinds[i] === tokenKind.wildcard || t === tokens[i]) continue;
    const general = generaliseToken(t, tokens[i]!);
    if (general === t) continue;
    template[i] = general;
    cluster.kinds[i] = general === '<*>' ? tokenKind.wildcard : tokenKind.other;
    changed = true;
  }
  return changed;
}
