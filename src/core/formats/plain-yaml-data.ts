import type { Result } from '../result/result.ts';

/**
 * The most alias uses a YAML file may expand (the `yaml` package's `maxAliasCount`: an anchor's
 * uses times the aliases inside it). Configuration and runbook files are pages written by hand;
 * a "billion laughs" file needs thousands.
 */
const MAX_ALIAS_COUNT = 100;

/** Why a parsed YAML document cannot be used as plain data, and where (the path of the offending alias, if known). */
export type YamlDataProblem = { readonly path: readonly (string | number)[]; readonly message: string };

/** What is used of a parsed `yaml` Document (structurally, so the core does not import the package). */
export type YamlDocumentLike = {
  toJS(options: { maxAliasCount: number }): unknown;
  getIn(path: Iterable<unknown>, keepScalar: true): unknown;
};

/**
 * Turns a parsed YAML document into plain data safely: the conversion runs with the alias limit,
 * and whatever it throws (too many aliases, a stack overflow) is a problem, not a crash. A
 * circular alias (`a: &a [*a]`) makes data that refers to itself, which nothing downstream can
 * walk: it is a problem too, at the path of the alias.
 */
export function plainYamlData(doc: YamlDocumentLike): Result<unknown, YamlDataProblem> {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        path: [],
        message: /alias count/i.test(text)
          ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses, as in a "billion laughs" file): write the values out`
          : `the YAML cannot be read: ${text.split('\n')[0]}`,
      },
    };
  }
  const cycle = cyclePath(data);
  if (!cycle) return { ok: true, value: data };
  const alias = doc.getIn(cycle, true) as { source?: unknown } | undefined;
  const name = typeof alias?.source === 'string' ? `*${alias.source}` : 'the alias';
  return {
    ok: false,
    error: { path: cycle, message: `a circular alias (${name} is inside the node it names): write the value out` },
  };
}

type Frame = { readonly node: object; readonly keys: readonly (string | number)[]; next: number };

/** The path of the first reference back to an enclosing object or array, if any (iterative: no deep recursion). */
function cyclePath(root: unknown): (string | number)[] | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const open = new Set<object>();
  const done = new Set<object>();
  const keysOf = (o: object) => (Array.isArray(o) ? o.map((_, i) => i) : Object.keys(o));
  const stack: Frame[] = [{ node: root, keys: keysOf(root), next: 0 }];
  const path: (string | number)[] = [];
  open.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    if (top.next >= top.keys.length) {
      stack.pop();
      path.pop();
      open.delete(top.node);
      done.add(top.node);
      continue;
    }
    const key = top.keys[top.next++] as string | number;
    const child = (top.node as Record<string | number, unknown>)[key];
    if (child === null || typeof child !== 'object' || done.has(child)) continue;
    if (open.has(child)) return [...path, key];
    open.add(child);
    path.push(key);
    stack.push({ node: child, keys: keysOf(child), next: 0 });
  }
  return undefined;
}
