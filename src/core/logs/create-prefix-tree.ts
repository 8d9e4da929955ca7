import type { TemplateCluster } from './template-cluster.ts';
import { tokenKind } from './token-kind.ts';

type TreeNode = {
  readonly children: Map<string, TreeNode>;
  readonly clusters: TemplateCluster[];
};

export type PrefixTree = {
  /** The cluster list for these tokens, or undefined when no branch fits them. */
  find(tokens: readonly string[], kinds: Uint8Array): TemplateCluster[] | undefined;
  /** The cluster list for these tokens, growing the tree when needed (bounded by maxChildren). */
  findOrCreate(tokens: readonly string[], kinds: Uint8Array): TemplateCluster[];
  /** The child keys of the existing branch `find` takes for these tokens. */
  routeOf(tokens: readonly string[], kinds: Uint8Array): string[];
  /** Removes a cluster, and the branch that led to it once that branch is empty. */
  remove(cluster: TemplateCluster): void;
};

const WILDCARD = '<*>';

function newNode(): TreeNode {
  return { children: new Map(), clusters: [] };
}

/**
 * Drain's fixed-depth tree: the first level is the token count, then up to `depth - 2`
 * routing tokens. Unlike Drain, which routes by the first tokens, the routing tokens are the
 * first plain words wherever they stand (see plainWordBounds), so a variable leading token
 * (a host, a class, a pod name) does not scatter one event over many branches. A node holds
 * at most `maxChildren` children; once full, unseen words share its `<*>` child. Branches
 * are removed with their last cluster, so the tree never outgrows the live templates.
 */
export function createPrefixTree(depth: number, maxChildren: number): PrefixTree {
  const byLength = new Map<number, TreeNode>();
  const levels = Math.max(0, depth - 2);

  return {
    find(tokens, kinds) {
      let node: TreeNode | undefined = byLength.get(tokens.length);
      let used = 0;
      for (let i = 0; node !== undefined && i < tokens.length && used < levels; i++) {
        if (kinds[i] !== tokenKind.plainWord) continue;
        used++;
        node = node.children.get(tokens[i]!) ?? node.children.get(WILDCARD);
      }
      return node?.clusters;
    },
    findOrCreate(tokens, kinds) {
      let node = byLength.get(tokens.length);
      if (node === undefined) {
        node = newNode();
        byLength.set(tokens.length, node);
      }
      let used = 0;
      for (let i = 0; i < tokens.length && used < levels; i++) {
        if (kinds[i] !== tokenKind.plainWord) continue;
        used++;
        const key = tokens[i]!;
        let next = node.children.get(key);
        if (next === undefined) {
          const room = maxChildren - node.children.size - (node.children.has(WILDCARD) ? 0 : 1);
          const childKey = room <= 0 ? WILDCARD : key;
          next = node.children.get(childKey);
          if (next === undefined) {
            next = newNode();
            node.children.set(childKey, next);
          }
        }
        node = next;
      }
      return node.clusters;
    },
    routeOf(tokens, kinds) {
      const route: string[] = [];
      let node: TreeNode | undefined = byLength.get(tokens.length);
      for (let i = 0; node !== undefined && i < tokens.length && route.length < levels; i++) {
        if (kinds[i] !== tokenKind.plainWord) continue;
        const exact: TreeNode | undefined = node.children.get(tokens[i]!);
        route.push(exact === undefined ? WILDCARD : tokens[i]!);
        node = exact ?? node.children.get(WILDCARD);
      }
      return route;
    },
    remove(cluster) {
      const root = byLength.get(cluster.tokens.length);
      if (root === undefined) return;
      const nodes: TreeNode[] = [root];
      for (const key of cluster.route) {
        const next = nodes.at(-1)!.children.get(key);
        if (next === undefined) return;
        nodes.push(next);
      }
      const leaf = nodes.at(-1)!;
      const at = leaf.clusters.indexOf(cluster);
      if (at >= 0) leaf.clusters.splice(at, 1);
      for (let i = nodes.length - 1; i > 0; i--) {
        const node = nodes[i]!;
        if (node.clusters.length > 0 || node.children.size > 0) return;
        nodes[i - 1]!.children.delete(cluster.route[i - 1]!);
      }
      if (root.clusters.length === 0 && root.children.size === 0) byLength.delete(cluster.tokens.length);
    },
  };
}
