/** The ranking's order: higher score first, then service name (a stable, deterministic tie-break). */
export function byRank(a: { score: number; service: string }, b: { score: number; service: string }): number {
  return b.score - a.score || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0);
}
