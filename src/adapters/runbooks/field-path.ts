/** A document path as a field name: `['steps', 0, 'with', 'url']` → `steps[0].with.url`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}
