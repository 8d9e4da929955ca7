import type { JsonValue } from '../model/json-value.ts';
import { contentHash } from './content-hash.ts';
import type { PayloadRef } from './payload-ref.ts';

/** A payload to store once: its `sha256:` name and UTF-8 bytes. */
export type Payload = { readonly hash: string; readonly content: Uint8Array };

const encoder = new TextEncoder();

/**
 * Replaces every string longer than `inlineMaxBytes` (UTF-8) with a `PayloadRef`; returns the
 * new value and the payloads to store (deduplicated; none when `store` is false, in which case
 * only the hash and size are kept).
 */
export function externalizePayloads(
  value: JsonValue,
  inlineMaxBytes: number,
  store: boolean,
): { value: JsonValue; payloads: Payload[] } {
  const payloads = new Map<string, Payload>();
  const walk = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      // A UTF-8 string is at most 3 bytes per UTF-16 unit: skip the encode for short ones.
      if (v.length * 3 <= inlineMaxBytes) return v;
      const bytes = encoder.encode(v);
      if (bytes.length <= inlineMaxBytes) return v;
      const hash = contentHash(bytes);
      if (store) payloads.set(hash, { hash, content: bytes });
      const ref: PayloadRef = store
        ? { $payload: hash, bytes: bytes.length }
        : { $payload: hash, bytes: bytes.length, stored: false };
      return ref;
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    const out: Record<string, JsonValue> = {};
    // A caller's own "$payload" key is renamed so it can never pose as a reference.
    for (const [k, x] of Object.entries(v as { readonly [key: string]: JsonValue })) {
      out[k === '$payload' ? '_$payload' : k] = walk(x);
    }
    return out;
  };
  const out = walk(value);
  return { value: out, payloads: [...payloads.values()] };
}
