export type Breakers = {
  /** False while the breaker from caller to target is open. */
  readonly allow: (caller: string, target: string, t: number) => boolean;
  /** Records an outcome; returns true when this outcome opened the breaker. */
  readonly record: (caller: string, target: string, t: number, ok: boolean) => boolean;
};

type State = { outcomes: boolean[]; openUntil: number };

/** Count-based circuit breakers (resilience4j/gobreaker style): 20-call window, opens at 50 % failures. */
export function createBreakers(openMs: number): Breakers {
  const states = new Map<string, State>();
  const get = (k: string): State => {
    let s = states.get(k);
    if (!s) {
      s = { outcomes: [], openUntil: 0 };
      states.set(k, s);
    }
    return s;
  };
  return {
    allow: (caller, target, t) => get(`${caller}>${target}`).openUntil <= t,
    record: (caller, target, t, ok) => {
      const s = get(`${caller}>${target}`);
      s.outcomes.push(ok);
      if (s.outcomes.length > 20) s.outcomes.shift();
      const failures = s.outcomes.filter((o) => !o).length;
      if (s.outcomes.length >= 10 && failures / s.outcomes.length >= 0.5 && s.openUntil <= t) {
        s.openUntil = t + openMs;
        s.outcomes = [];
        return true;
      }
      return false;
    },
  };
}
