import { createMessagePreparer } from './create-message-preparer.ts';
import { createPrefixTree } from './create-prefix-tree.ts';
import { defaultMinerOptions } from './default-miner-options.ts';
import { findBestCluster } from './find-best-cluster.ts';
import { generaliseTemplate } from './generalise-template.ts';
import type { MaskKind } from './mask-kind.ts';
import type { TemplateCluster } from './template-cluster.ts';

export type MinerOptions = {
  /** Tree depth as in Drain: 2 + the number of words (the first plain words) that route a message. */
  depth: number;
  /** Minimum fraction of equal tokens for a message to join a template (0..1). */
  similarity: number;
  /** Maximum children per tree node; further tokens share the node's `<*>` branch. */
  maxChildren: number;
  /** Maximum templates kept; past it the least recently matched one is evicted. */
  maxTemplates: number;
  /** Token classes masked as `<*>` before clustering; `[]` turns masking off. */
  masks: readonly MaskKind[];
  /**
   * Two different plain words at the same place mean two different templates
   * (`VM Started` / `VM Stopped`) instead of one with a `<*>` (plain Drain merges them).
   */
  distinctWords: boolean;
  /** Words after which a plain word is a name, i.e. a variable (`user root`, `for admin`). */
  nameCues: readonly string[];
  /**
   * A token longer than this (a base64 blob, a minified payload, a long URL) is one variable,
   * `<*>`, without being looked into: what the miner keeps and compares stays small.
   */
  maxTokenLength: number;
};
export type TemplateMatch = { id: number; template: string; isNew: boolean };
export type Template = { id: number; template: string; count: number };
export type TemplateMiner = {
  /** Learn from and classify one message; the id is stable even when the template generalises. */
  add(message: string): TemplateMatch;
  /** Classify without learning: the template `add` would pick, unchanged; undefined if it would create one. */
  match(message: string): TemplateMatch | undefined;
  get(id: number): Template | undefined;
  /** Live templates, ordered by id. */
  templates(): Template[];
  readonly size: number;
};

function validate(options: MinerOptions): void {
  if (!Number.isInteger(options.depth) || options.depth < 2) throw new RangeError('depth must be an integer >= 2');
  if (!(options.similarity >= 0 && options.similarity <= 1)) throw new RangeError('similarity must be within 0..1');
  if (!Number.isInteger(options.maxChildren) || options.maxChildren < 2) {
    throw new RangeError('maxChildren must be an integer >= 2');
  }
  if (!Number.isInteger(options.maxTemplates) || options.maxTemplates < 1) {
    throw new RangeError('maxTemplates must be an integer >= 1');
  }
  if (!Number.isInteger(options.maxTokenLength) || options.maxTokenLength < 16) {
    throw new RangeError('maxTokenLength must be an integer >= 16');
  }
}

/**
 * A streaming Drain-style log template miner. Pure and deterministic: the same messages
 * in the same order give the same ids and templates. Memory is bounded by `maxTemplates`:
 * when a new template would exceed it, the least recently matched template is evicted and
 * its id retired (ids are never reused; a later line of the evicted shape gets a new id).
 */
export function createTemplateMiner(options: Partial<MinerOptions> = {}): TemplateMiner {
  const config: MinerOptions = { ...defaultMinerOptions, ...options };
  validate(config);
  const preparer = createMessagePreparer(config.masks, config.nameCues, config.maxTokenLength);
  const tree = createPrefixTree(config.depth, config.maxChildren);
  const byId = new Map<number, TemplateCluster>();
  /** The recency list: `coldest` is the least recently matched cluster, `hottest` the most. */
  let coldest: TemplateCluster | undefined;
  let hottest: TemplateCluster | undefined;
  let nextId = 1;

  const unlink = (c: TemplateCluster): void => {
    if (c.older === undefined) coldest = c.newer;
    else c.older.newer = c.newer;
    if (c.newer === undefined) hottest = c.older;
    else c.newer.older = c.older;
    c.older = undefined;
    c.newer = undefined;
  };
  const append = (c: TemplateCluster): void => {
    c.older = hottest;
    if (hottest === undefined) coldest = c;
    else hottest.newer = c;
    hottest = c;
  };

  const searchResult = { exact: false };
  const search = (clusters: readonly TemplateCluster[], tokens: readonly string[]) =>
    findBestCluster(clusters, tokens, preparer.kinds, config.similarity, config.distinctWords, searchResult);

  const evictColdest = (): void => {
    const victim = coldest;
    if (victim === undefined) return;
    unlink(victim);
    byId.delete(victim.id);
    tree.remove(victim);
  };

  return {
    add(message) {
      const tokens = preparer.prepare(message);
      const leaf = tree.findOrCreate(tokens, preparer.kinds);
      const found = search(leaf, tokens);
      if (found !== undefined) {
        found.count++;
        if (!searchResult.exact && generaliseTemplate(found, tokens)) found.template = found.tokens.join(' ');
        if (found !== hottest) {
          unlink(found);
          append(found);
        }
        return { id: found.id, template: found.template, isNew: false };
      }
      let target = leaf;
      if (byId.size >= config.maxTemplates) {
        evictColdest();
        target = tree.findOrCreate(tokens, preparer.kinds); // eviction may have pruned this branch
      }
      const route = tree.routeOf(tokens, preparer.kinds);
      const cluster: TemplateCluster = {
        id: nextId++,
        tokens,
        kinds: preparer.kinds.slice(0, tokens.length),
        template: tokens.join(' '),
        count: 1,
        route,
        older: undefined,
        newer: undefined,
      };
      target.push(cluster);
      byId.set(cluster.id, cluster);
      append(cluster);
      return { id: cluster.id, template: cluster.template, isNew: true };
    },
    match(message) {
      const tokens = preparer.prepare(message);
      const leaf = tree.find(tokens, preparer.kinds);
      if (leaf === undefined) return undefined;
      const found = search(leaf, tokens);
      return found === undefined ? undefined : { id: found.id, template: found.template, isNew: false };
    },
    get(id) {
      const cluster = byId.get(id);
      return cluster === undefined ? undefined : { id, template: cluster.template, count: cluster.count };
    },
    templates() {
      return [...byId.values()]
        .sort((a, b) => a.id - b.id)
        .map((c) => ({ id: c.id, template: c.template, count: c.count }));
    },
    get size() {
      return byId.size;
    },
  };
}
