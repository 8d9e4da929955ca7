const HEX = /^[0-9a-f]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A trace id as 32 lowercase hex characters, from what exporters write: 32 hex (OTLP/JSON),
 * 16 hex (64-bit Jaeger and Zipkin ids, left-padded with zeros as W3C trace context does), or
 * base64 of 16 or 8 bytes (protobuf's default JSON for bytes). Undefined for anything else.
 */
export function traceIdOf(v: unknown): string | undefined {
  const hex = idHex(v, 16);
  if (hex?.length === 32) return hex;
  if (hex?.length === 16) return `${'0'.repeat(16)}${hex}`;
  return undefined;
}

/** A span id as 16 lowercase hex characters, from 16 hex or base64 of 8 bytes. */
export function spanIdOf(v: unknown): string | undefined {
  const hex = idHex(v, 8);
  return hex?.length === 16 ? hex : undefined;
}

/** Hex of an id given as hex (of `bytes` bytes or 8) or as base64 of as many bytes. */
function idHex(v: unknown, bytes: number): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  const lower = v.toLowerCase();
  if ((lower.length === bytes * 2 || lower.length === 16) && HEX.test(lower)) return lower;
  if (!BASE64.test(v) || v.length % 4 !== 0) return undefined;
  const buf = Buffer.from(v, 'base64');
  return buf.length === bytes || buf.length === 8 ? buf.toString('hex') : undefined;
}

/** A trace id to join on: normalised as traceIdOf when it is an id, else lower-cased as given (never refused). */
export function traceIdKey(v: unknown): string | undefined {
  return traceIdOf(v) ?? lowerId(v);
}

/** A span id to join on: normalised as spanIdOf when it is an id, else lower-cased as given. */
export function spanIdKey(v: unknown): string | undefined {
  return spanIdOf(v) ?? lowerId(v);
}

function lowerId(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}
