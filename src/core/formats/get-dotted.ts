/**
 * Reads an ECS-style dotted field that may be flat (`{"service.name": x}`), nested
 * (`{"service": {"name": x}}`) or mixed (`{"service": {"name.keyword": x}}` is not ECS and is not read).
 */
export function getDotted(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  const parts = path.split('.');
  return walk(doc, parts, 0);
}

function walk(node: Record<string, unknown>, parts: readonly string[], from: number): unknown {
  // Try every split point: `a.b.c` may be stored as a→b→c, `a.b`→c, a→`b.c` ...
  let key = '';
  for (let i = from; i < parts.length; i++) {
    key = key ? `${key}.${parts[i]}` : (parts[i] as string);
    if (!(key in node)) continue;
    const child = node[key];
    if (i === parts.length - 1) return child;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      const found = walk(child as Record<string, unknown>, parts, i + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
