export type OpMeta = { readonly weight: number; readonly selfMs: number | undefined; readonly write: boolean };

/** Reads the `=w30 ms12 write` metadata element of an op in a family spec (absent → defaults). */
export function parseOpMeta(items: readonly string[]): { readonly meta: OpMeta; readonly calls: readonly string[] } {
  let weight = 1;
  let selfMs: number | undefined;
  let write = false;
  const calls: string[] = [];
  for (const item of items) {
    if (!item.startsWith('=')) {
      calls.push(item);
      continue;
    }
    for (const tok of item.slice(1).trim().split(/\s+/)) {
      if (tok === 'write') write = true;
      else if (/^w[\d.]+$/.test(tok)) weight = Number(tok.slice(1));
      else if (/^ms[\d.]+$/.test(tok)) selfMs = Number(tok.slice(2));
    }
  }
  return { meta: { weight, selfMs, write }, calls };
}
