import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { plainYamlData } from '../../core/formats/plain-yaml-data.ts';
import type { Result } from '../../core/result/result.ts';
import type { Runbook } from '../../core/runbooks/runbook.ts';
import type { RunbookValidationContext } from '../../core/runbooks/runbook-validation-context.ts';
import { validateRunbook } from '../../core/runbooks/validate-runbook.ts';
import { fieldPath } from './field-path.ts';
import type { LocatedRunbookProblem } from './located-runbook-problem.ts';

/** The largest runbook file read (a runbook is a page of YAML, not a data set). */
const MAX_BYTES = 1 << 20;

/**
 * Parses and validates one runbook file's text, locating every problem at the line of the field
 * it is about (or the nearest enclosing field that exists). Returns the runbook and the line of
 * its `id` (for duplicate-id messages).
 */
export function parseRunbookFile(
  file: string,
  text: string,
  ctx: RunbookValidationContext,
): Result<{ readonly runbook: Runbook; readonly idLine: number | undefined }, LocatedRunbookProblem[]> {
  if (text.length > MAX_BYTES)
    return { ok: false, error: [{ file, line: undefined, field: '', message: `larger than ${MAX_BYTES} bytes` }] };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      error: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line,
        field: '',
        message: `YAML syntax: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))
        return lc.linePos(node.range[0] as number).line;
      // A key whose value is empty: find the pair's key in its parent map.
      const parent = n > 0 ? (n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true)) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((i) => (i.key as { value?: unknown } | null)?.value === path[n - 1]);
        const key = pair?.key as { range?: [number, number, number] } | undefined;
        if (key?.range) return lc.linePos(key.range[0]).line;
      } else if (isSeq(parent)) continue;
    }
    return undefined;
  };
  const data = plainYamlData(doc);
  if (!data.ok)
    return {
      ok: false,
      error: [
        {
          file,
          line: data.error.path.length > 0 ? lineOf(data.error.path) : undefined,
          field: fieldPath(data.error.path),
          message: data.error.message,
        },
      ],
    };
  const raw = data.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      ok: false,
      error: [{ file, line: 1, field: '', message: 'a runbook file holds one mapping (id, title, steps …)' }],
    };
  const r = validateRunbook(raw, ctx);
  if (!r.ok)
    return {
      ok: false,
      error: r.error.map((p) => ({ file, line: lineOf(p.path), field: fieldPath(p.path), message: p.message })),
    };
  return { ok: true, value: { runbook: r.value, idLine: lineOf(['id']) } };
}
