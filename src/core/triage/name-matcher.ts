const GENERIC = new Set(['service', 'svc', 'api', 'server', 'app', 'srv', 'backend', 'worker', 'db']);
/** A one-word name ending in a generic word: `paymentservice`, `cartsvc`. */
const GLUED_GENERIC = /^([a-z0-9]{4,}?)(service|svc|api|server|srv|backend|worker)$/;

export type NameMatcher = {
  /** The known services named in `text`, other than `self`, in the order they appear in it. */
  mentions(text: string, self: string): string[];
};

/** Words of a name or a text: split at non-alphanumerics and camelCase humps, lower-cased. */
export function nameWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Finds mentions of known service and dependency names in log text, as runs of words, so that
 * `upstream payment returned 503`, `dial tcp redis-cache:6379`, `CustomerAccountsClient read
 * timed out` and `app-db.saas.svc.cluster.local` all name their service. A name also matches
 * without a trailing generic word (`payment-service` ~ `payment`) or, for a host name, by its
 * first label — when what remains has at least 4 letters.
 */
export function createNameMatcher(names: Iterable<string>): NameMatcher {
  const forms: { words: string[]; name: string }[] = [];
  const seen = new Set<string>();
  const addForm = (words: string[], name: string, derived: boolean) => {
    const key = words.join(' ');
    if (words.length === 0 || (derived && key.replace(/ /g, '').length < 4) || seen.has(key)) return;
    seen.add(key);
    forms.push({ words, name });
  };
  for (const name of names) {
    const words = nameWords(name);
    addForm(words, name, false);
    if (name.includes('.')) addForm(nameWords(name.split('.')[0] as string), name, true);
    if (words.length > 1 && GENERIC.has(words[words.length - 1] as string)) addForm(words.slice(0, -1), name, true);
    // Written glued or split: `payment-service` ~ `paymentservice` ~ `PaymentService` (gRPC's
    // `hipstershop.PaymentService/Charge`). Not the bare stem of a glued name: `email` and `user`
    // are ordinary words in log lines (`invalid email for user 42` names no emailservice).
    if (words.length > 1) addForm([words.join('')], name, true);
    const glued = words.length === 1 ? GLUED_GENERIC.exec(words[0] as string) : null;
    if (glued) addForm([glued[1] as string, glued[2] as string], name, true);
  }
  // Longer forms first, so `payment-gateway` wins over `payment` where both fit.
  forms.sort((a, b) => b.words.length - a.words.length || (a.name < b.name ? -1 : 1));
  return {
    mentions(text, self) {
      const words = nameWords(text);
      const found: { name: string; at: number }[] = [];
      const used = new Array<boolean>(words.length).fill(false);
      for (const form of forms) {
        if (form.name === self || found.some((x) => x.name === form.name)) continue;
        const n = form.words.length;
        for (let i = 0; i + n <= words.length; i++) {
          let ok = true;
          for (let j = 0; j < n && ok; j++) ok = words[i + j] === form.words[j] && !used[i + j];
          if (!ok) continue;
          for (let j = 0; j < n; j++) used[i + j] = true;
          found.push({ name: form.name, at: i });
          break;
        }
      }
      return found.sort((a, b) => a.at - b.at).map((x) => x.name);
    },
  };
}
