import { LineCounter, parseDocument } from 'yaml';
import { type Config, configSchema } from '../../core/config/config-schema.ts';
import { ENV_BINDINGS } from '../../core/config/env-bindings.ts';
import { plainYamlData } from '../../core/formats/plain-yaml-data.ts';
import type { Result } from '../../core/result/result.ts';
import type { ConfigProblem } from './config-problem.ts';
import { defaultDataDir } from './default-data-dir.ts';
import { readSecretFiles } from './read-secret-files.ts';

const SECRET_KEY = /token|secret|password|passwd|apikey|api_key|key$/i;
/** Keys whose value may carry a secret though their name does not say so (URLs with a password). */
const SECRET_PATHS = new Set(ENV_BINDINGS.filter((b) => b.secret).map((b) => b.path.join('.')));

export type ConfigInput = {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The YAML file's path (for messages) and text, when one is used. */
  readonly file?: { readonly path: string; readonly text: string };
  /** Reads the files named by `*_FILE` secret variables (default: the file system). */
  readonly readFile?: (path: string) => string;
};

/**
 * Resolves the configuration once: defaults, then the YAML file, then environment variables (a
 * secret variable `X` may instead name a file in `X_FILE`; see readSecretFiles).
 * Every problem is reported at once (key, value — masked for secrets —, where it came from,
 * and what is expected); the result is deeply frozen.
 */
export function loadConfig(input: ConfigInput): Result<Readonly<Config>, ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  let raw: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  let lineOf: (path: readonly (string | number)[]) => number | undefined = () => undefined;
  if (input.file) {
    const lc = new LineCounter();
    const doc = parseDocument(input.file.text, { lineCounter: lc });
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line;
      problems.push({
        key: '(file)',
        value: '',
        source: `${input.file.path}${line ? `:${line}` : ''}`,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      });
    }
    if (doc.errors.length === 0) {
      const filePath = input.file.path;
      lineOf = (path) => {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? lc.linePos(node.range[0]).line : undefined;
      };
      const data = plainYamlData(doc);
      const js = data.ok ? data.value : undefined;
      if (!data.ok) {
        const line = data.error.path.length > 0 ? lineOf(data.error.path) : undefined;
        problems.push({
          key: data.error.path.join('.') || '(file)',
          value: '',
          source: `${filePath}${line ? `:${line}` : ''}`,
          message: data.error.message,
        });
      } else if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js))) {
        problems.push({
          key: '(file)',
          value: '',
          source: filePath,
          message: 'the file must hold a mapping of keys',
        });
      } else raw = (js as Record<string, unknown>) ?? {};
      sources.set('', filePath);
    }
  }
  const secretFiles = readSecretFiles(input.env, input.readFile);
  problems.push(...secretFiles.problems);
  for (const b of ENV_BINDINGS) {
    const fromFile = secretFiles.values.get(b.env);
    const text = fromFile?.text ?? input.env[b.env];
    if (text === undefined) continue;
    setIn(raw, b.path, fromEnv(text, b.type));
    sources.set(b.path.join('.'), fromFile?.source ?? `env ${b.env}`);
  }
  if (problems.length > 0) return { ok: false, error: problems };
  // A key set by a variable, or inside one (a list item of CAUSEWAY_…_ALLOW): the variable.
  const sourceOf = (path: readonly string[]) => {
    for (let n = path.length; n > 0; n--) {
      const s = sources.get(path.slice(0, n).join('.'));
      if (s) return s;
    }
    return undefined;
  };
  // The default database lives in a data folder worked out from the environment, not the cwd.
  const storage = raw.storage;
  if (storage === undefined || (isMapping(storage) && storage.dataDir === undefined))
    setIn(raw, ['storage', 'dataDir'], defaultDataDir(input.env));
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: deepFreeze(parsed.data) };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
    for (const p of keys) {
      const key = p.join('.') || '(root)';
      const value = getIn(raw, p);
      const line = lineOf(p);
      const source =
        sourceOf(p) ??
        (input.file && line !== undefined ? `${input.file.path}:${line}` : value === undefined ? 'missing' : 'file');
      problems.push({
        key,
        value:
          value === undefined
            ? '(unset)'
            : SECRET_KEY.test(key) || SECRET_PATHS.has(key)
              ? '****'
              : JSON.stringify(value),
        source,
        message: issue.code === 'unrecognized_keys' ? 'unknown key: remove it or check its spelling' : issue.message,
      });
    }
  }
  return { ok: false, error: problems };
}

function fromEnv(text: string, type: 'number' | 'string' | 'list' | 'boolean'): unknown {
  const t = text.trim();
  if (type === 'number') return t !== '' && Number.isFinite(Number(t)) ? Number(t) : text;
  if (type === 'boolean') return t === 'true' ? true : t === 'false' ? false : text;
  if (type === 'list') return t === '' ? [] : t.split(',').map((s) => s.trim());
  return text;
}

function setIn(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string;
    const next = cur[k];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[path[path.length - 1] as string] = value;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function getIn(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}
