import { createHash } from 'node:crypto';

/** `sha256:<hex>` of a text's UTF-8 bytes (or of raw bytes): how payloads and outputs are named. */
export function contentHash(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}
