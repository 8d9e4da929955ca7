/** Turns flat dotted keys into nested objects, except the keys listed in `keepFlat`. */
export function nestKeys(
  flat: Readonly<Record<string, unknown>>,
  keepFlat: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (keepFlat.has(key) || !key.includes('.')) {
      out[key] = value;
      continue;
    }
    const parts = key.split('.');
    let cur: Record<string, unknown> = out;
    let ok = true;
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i] as string;
      const next = cur[p];
      if (next === undefined) {
        const obj: Record<string, unknown> = {};
        cur[p] = obj;
        cur = obj;
      } else if (typeof next === 'object' && next !== null && !Array.isArray(next))
        cur = next as Record<string, unknown>;
      else {
        ok = false;
        break;
      }
    }
    if (ok) cur[parts[parts.length - 1] as string] = value;
    else out[key] = value;
  }
  return out;
}
