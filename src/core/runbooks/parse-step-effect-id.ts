/** Reads `run:<runId>/step:<index>` back; undefined for other effect ids. */
export function parseStepEffectId(id: string): { readonly runId: string; readonly index: number } | undefined {
  const m = /^run:(.+)\/step:(\d+)$/.exec(id);
  return m ? { runId: m[1] as string, index: Number(m[2]) } : undefined;
}
