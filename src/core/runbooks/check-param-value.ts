import type { Result } from '../result/result.ts';
import type { ParamValue } from './param-value.ts';
import { parseDuration } from './parse-duration.ts';
import type { ParamSpec } from './runbook.ts';

/** The pattern a string parameter must match when its runbook gives none: one plain word. */
export const DEFAULT_STRING_PATTERN = '[A-Za-z0-9][A-Za-z0-9._-]*';

/** C0 and C1 control characters (line breaks, NUL, escape …) and the Unicode line separators. */
function hasControl(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
const DOT_SEGMENT = /(?:^|[/\\])\.\.?(?:[/\\]|$)/;

/**
 * Checks one parameter value against its spec, whoever gave it (a person, an alert label, a
 * hypothesis, the default), and returns it in its stored form: strings as given, ints as numbers,
 * durations as whole seconds (`300s`). Whatever the runbook's pattern allows, text values can
 * never hold control characters (line breaks), start with `-` (an option), be or contain a `.` /
 * `..` path segment, or exceed `maxLength`.
 */
export function checkParamValue(spec: ParamSpec, raw: string | number): Result<ParamValue, string> {
  const text = String(raw);
  if (text.length > spec.maxLength)
    return { ok: false, error: `is ${text.length} characters long (at most ${spec.maxLength})` };
  if (hasControl(text)) return { ok: false, error: 'contains a control character (such as a line break)' };
  switch (spec.type) {
    case 'int': {
      if (!/^-?\d{1,15}$/.test(text.trim())) return { ok: false, error: `"${text}" is not a whole number` };
      const n = Number(text.trim());
      if (spec.min !== undefined && n < spec.min) return { ok: false, error: `${n} is below the minimum ${spec.min}` };
      if (spec.max !== undefined && n > spec.max) return { ok: false, error: `${n} is above the maximum ${spec.max}` };
      return { ok: true, value: n };
    }
    case 'duration': {
      const ms = parseDuration(text);
      if (ms === undefined) return { ok: false, error: `"${text}" is not a duration such as 30s, 5m or 1h` };
      if (spec.min !== undefined && ms < spec.min) return { ok: false, error: `${text} is shorter than the minimum` };
      if (spec.max !== undefined && ms > spec.max) return { ok: false, error: `${text} is longer than the maximum` };
      return { ok: true, value: `${Math.max(1, Math.round(ms / 1000))}s` };
    }
    case 'enum':
      return spec.values?.includes(text)
        ? { ok: true, value: text }
        : { ok: false, error: `"${text}" is not one of ${(spec.values ?? []).join(', ')}` };
    case 'string': {
      if (text.length === 0) return { ok: false, error: 'is empty' };
      if (text.startsWith('-')) return { ok: false, error: 'cannot start with "-" (it would read as an option)' };
      if (DOT_SEGMENT.test(text)) return { ok: false, error: 'cannot hold a "." or ".." path segment' };
      const pattern = new RegExp(`^(?:${spec.pattern ?? DEFAULT_STRING_PATTERN})$`, 'u');
      if (!pattern.test(text))
        return {
          ok: false,
          error: `"${text}" does not match ${spec.pattern ? `/${spec.pattern}/` : 'a plain word (letters, digits, . _ -)'}`,
        };
      return { ok: true, value: text };
    }
  }
}
