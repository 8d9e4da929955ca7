const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/**
 * Prometheus' label-set fingerprint as Alertmanager and Grafana report it (FNV-1a 64 over the
 * sorted names and values, each followed by 0xff; 16 hex characters). An alert read from a Slack
 * message thus has the fingerprint its webhook would carry, and both join one incident.
 */
export function prometheusFingerprint(labels: Readonly<Record<string, string>>): string {
  let h = OFFSET;
  const add = (bytes: Uint8Array) => {
    for (const b of bytes) {
      h ^= BigInt(b);
      h = (h * PRIME) & MASK;
    }
  };
  const sep = new Uint8Array([0xff]);
  for (const name of Object.keys(labels).sort()) {
    add(encoder.encode(name));
    add(sep);
    add(encoder.encode(labels[name] ?? ''));
    add(sep);
  }
  return h.toString(16).padStart(16, '0');
}
