import type { JsonValue } from '../model/json-value.ts';
import { REDACTED } from './redacted.ts';
import { SECRET_PATTERNS } from './secret-patterns.ts';

/** A string value under a key like these is replaced whole (numbers such as `promptTokens` are kept). */
const SECRET_KEY =
  /pass(?:word|wd|phrase)|(?:^|[_-])pwd$|secret|token$|api[_-]?key|authorization|cookie|credential|private[_-]?key|access[_-]?key|signing[_-]?key|checkpoint[_-]?key/i;

/**
 * Removes secrets from a JSON value before it is written anywhere durable: string values under
 * secret-sounding keys, the exact `known` secret values (tokens and keys from the configuration),
 * and secret-shaped substrings (tokens, bearer headers, URL passwords, private keys, `password=`).
 * Returns a new value; the input is not changed.
 */
export function redactSecrets(value: JsonValue, known: readonly string[] = []): JsonValue {
  const exact = known.filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return walk(value, exact);
}

/** The string form of `redactSecrets`. */
export function redactText(text: string, known: readonly string[] = []): string {
  return redactString(
    text,
    known.filter((s) => s.length >= 6),
  );
}

function walk(v: JsonValue, known: readonly string[]): JsonValue {
  if (typeof v === 'string') return redactString(v, known);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => walk(x, known));
  const out: Record<string, JsonValue> = {};
  for (const [k, x] of Object.entries(v as { readonly [key: string]: JsonValue })) {
    out[k] =
      SECRET_KEY.test(k) && (typeof x === 'string' || (x !== null && typeof x === 'object'))
        ? REDACTED
        : walk(x, known);
  }
  return out;
}

function redactString(s: string, known: readonly string[]): string {
  let out = s;
  for (const k of known) if (out.includes(k)) out = out.split(k).join(REDACTED);
  for (const p of SECRET_PATTERNS) {
    p.re.lastIndex = 0;
    if (p.re.test(out)) {
      p.re.lastIndex = 0;
      out = out.replace(p.re, p.replace);
    }
  }
  return out;
}
