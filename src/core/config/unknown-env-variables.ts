import { ENV_BINDINGS } from './env-bindings.ts';

/** CAUSEWAY_* variables read outside the configuration schema (the entry point, scripts/services.sh). */
const OTHER_KNOWN = ['CAUSEWAY_CONFIG', 'CAUSEWAY_INSTANCE_ID', 'CAUSEWAY_SERVICES_DIR', 'CAUSEWAY_SERVICE_USER'];

/** An environment variable that looks like Causeway's but is not read, and the known name it is closest to. */
export type UnknownEnvVariable = { readonly name: string; readonly closest?: string };

/**
 * The `CAUSEWAY_*` names among `names` that Causeway does not read (a typo is otherwise silently
 * ignored and the default used), each with the closest known name when one is near. `alsoKnown`
 * are names the configuration itself declares (runbooks.secretEnv).
 */
export function unknownEnvVariables(names: readonly string[], alsoKnown: readonly string[] = []): UnknownEnvVariable[] {
  const known = [...ENV_BINDINGS.flatMap((b) => (b.secret ? [b.env, `${b.env}_FILE`] : [b.env])), ...OTHER_KNOWN];
  const all = new Set([...known, ...alsoKnown]);
  return names
    .filter((n) => n.startsWith('CAUSEWAY_') && !all.has(n))
    .sort()
    .map((name) => {
      let closest: string | undefined;
      let best = Math.max(2, Math.floor(name.length / 5)) + 1;
      for (const k of known) {
        const d = distance(name, k, best);
        if (d < best) {
          best = d;
          closest = k;
        }
      }
      return closest ? { name, closest } : { name };
    });
}

/** Levenshtein distance of a and b, or `cap` as soon as it is certain to be at least that. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return Math.min(prev[b.length] as number, cap);
}
