const SUFFIX = /[-_](service|svc|api|server|app|srv|backend|worker|db)$/;

export type NameMatcher = {
  /** The known services named in `text`, other than `self`, in order of first mention. */
  mentions(text: string, self: string): string[];
};

/**
 * Finds mentions of known service and dependency names in log text: `upstream payment returned
 * 503`, `dial tcp redis-cache:6379`, `http://ledger-api.prod.svc/v1` all name a service. A name
 * also matches without a generic suffix (`payment-service` ~ `payment`) when that stem has at
 * least 4 characters.
 */
export function createNameMatcher(names: Iterable<string>): NameMatcher {
  const forms = new Map<string, string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    forms.set(lower, name);
    const stem = lower.replace(SUFFIX, '');
    if (stem !== lower && stem.length >= 4 && !forms.has(stem)) forms.set(stem, name);
  }
  return {
    mentions(text, self) {
      const out: string[] = [];
      for (const raw of text.toLowerCase().split(/[^a-z0-9_.-]+/)) {
        if (!raw) continue;
        for (const tok of [raw, ...raw.split('.')]) {
          const hit = forms.get(tok) ?? forms.get(tok.replace(/[.-]+$/, ''));
          if (hit && hit !== self && !out.includes(hit)) out.push(hit);
        }
      }
      return out;
    },
  };
}
