import { createHash } from 'node:crypto';

/** A stable fingerprint of a label set (sorted key=value pairs, SHA-256, first 16 hex chars). */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
