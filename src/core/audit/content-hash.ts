import { hash } from 'node:crypto';

/** `sha256:<hex>` of a text's UTF-8 bytes (or of raw bytes): how payloads and outputs are named. */
export function contentHash(content: string | Uint8Array): string {
  return `sha256:${hash('sha256', content, 'hex')}`;
}
