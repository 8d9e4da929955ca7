/** Each word in lower, Capitalised and UPPER case, so look-ups need no `toLowerCase`. */
export function caseVariants(words: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const word of words) {
    const w = word.toLowerCase();
    if (w.length === 0) continue;
    set.add(w);
    set.add(w.toUpperCase());
    set.add(w[0]!.toUpperCase() + w.slice(1));
  }
  return set;
}
