/**
 * When a Prometheus rule `signal > threshold` with `for:` starts firing: evaluated every
 * `evalMs` from `from`; pending resets whenever the expression is false. Returns the
 * firing time (the alert's startsAt) or undefined before `until`.
 */
export function findFiring(
  signal: (t: number) => number | undefined,
  threshold: number,
  forMs: number,
  evalMs: number,
  from: number,
  until: number,
): number | undefined {
  let pendingSince: number | undefined;
  for (let t = from; t <= until; t += evalMs) {
    const v = signal(t);
    if (v !== undefined && v > threshold) {
      if (pendingSince === undefined) pendingSince = t;
      if (t - pendingSince >= forMs) return t;
    } else pendingSince = undefined;
  }
  return undefined;
}
