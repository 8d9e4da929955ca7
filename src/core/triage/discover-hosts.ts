const HOST = /\b([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)(:\d{2,5})?\b/g;
const HOST_SUFFIX =
  /\.(com|net|org|io|internal|local|svc|lan|cloud|dev|ai|co|app|cluster|corp|intra|private|prod|aws|azure|gcp)$/;
const NOT_FIRST = new Set([
  'java',
  'javax',
  'jakarta',
  'com',
  'org',
  'net',
  'io',
  'sun',
  'jdk',
  'kotlin',
  'scala',
  'android',
  'www',
]);

/**
 * Names of the hosts a log line talks to — `redis-trip.internal:6379`, `orders-db.default.svc.
 * cluster.local`, `https://api.stripe.com/…`, `redis-cache:6379` — so a dependency that emits
 * nothing of its own can still be named when logs are all there is. A host needs a port or a
 * host-like suffix; class and package names, files and e-mail domains are left out.
 */
export function discoverHosts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HOST)) {
    const name = m[1] as string;
    const at = m.index ?? 0;
    const before = text[at - 1];
    const url = text.slice(Math.max(0, at - 2), at) === '//';
    if (!url && (before === '/' || before === '@' || before === '.')) continue;
    const first = name.split('.')[0] as string;
    if (NOT_FIRST.has(first)) continue;
    const hasPort = m[2] !== undefined && text[at + m[0].length] !== '.';
    if (!hasPort && !(name.includes('.') && HOST_SUFFIX.test(name))) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
