const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** Prometheus' label-set fingerprint (FNV-1a 64 over sorted name/value pairs with 0xff separators), as 16 hex chars. */
export function fingerprint(labels: Readonly<Record<string, string>>): string {
  let h = OFFSET;
  const add = (byte: number) => {
    h ^= BigInt(byte);
    h = (h * PRIME) & MASK;
  };
  for (const name of Object.keys(labels).sort()) {
    for (const b of new TextEncoder().encode(name)) add(b);
    add(0xff);
    for (const b of new TextEncoder().encode(labels[name] ?? '')) add(b);
    add(0xff);
  }
  return h.toString(16).padStart(16, '0');
}
