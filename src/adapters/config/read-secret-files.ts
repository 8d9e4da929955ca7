import { readFileSync } from 'node:fs';
import { ENV_BINDINGS } from '../../core/config/env-bindings.ts';
import type { ConfigProblem } from './config-problem.ts';

/** A secret variable's value and where it came from (`env X` or `env X_FILE (path)`). */
export type SecretValue = { readonly text: string; readonly source: string };

/**
 * The `<VARIABLE>_FILE` variants of the secret variables (`secret: true` in ENV_BINDINGS): each
 * names a file whose text, without its trailing line break, is the value (Docker and Kubernetes
 * secrets mounted as files). A file that cannot be read, or a variable set both ways, is a problem
 * naming the variable and the path; the secret itself never appears in a message.
 */
export function readSecretFiles(
  env: Readonly<Record<string, string | undefined>>,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): { readonly values: ReadonlyMap<string, SecretValue>; readonly problems: readonly ConfigProblem[] } {
  const values = new Map<string, SecretValue>();
  const problems: ConfigProblem[] = [];
  for (const b of ENV_BINDINGS) {
    if (!b.secret) continue;
    const fileVar = `${b.env}_FILE`;
    const path = env[fileVar];
    if (path === undefined) continue;
    const key = b.path.join('.');
    if (env[b.env] !== undefined) {
      problems.push({
        key,
        value: '****',
        source: `env ${b.env} and env ${fileVar}`,
        message: `set either ${b.env} or ${fileVar}, not both`,
      });
      continue;
    }
    if (path.trim() === '') {
      problems.push({
        key,
        value: '(unset)',
        source: `env ${fileVar}`,
        message: `${fileVar} is empty: expected a file path`,
      });
      continue;
    }
    try {
      values.set(b.env, { text: read(path).replace(/\r?\n$/, ''), source: `env ${fileVar} (${path})` });
    } catch (e) {
      problems.push({
        key,
        value: '(unset)',
        source: `env ${fileVar}`,
        message: `cannot read the secret file ${path}: ${(e as Error).message}; mount the file readable by this user, or set ${b.env} instead`,
      });
    }
  }
  return { values, problems };
}
