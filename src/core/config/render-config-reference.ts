import { z } from 'zod';
import { configSchema } from './config-schema.ts';
import { ENV_BINDINGS } from './env-bindings.ts';

/** A JSON Schema node as z.toJSONSchema writes it (only what the reference reads). */
type Node = {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  /** Shown instead of `default` where the default is worked out at start (e.g. from the environment). */
  readonly 'x-default'?: string;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly items?: Node;
  readonly properties?: Readonly<Record<string, Node>>;
  readonly additionalProperties?: Node | boolean;
};

/** The command that regenerates docs/configuration.md (said by the sync test when it is stale). */
export const CONFIG_REFERENCE_COMMAND = 'npm run docs:config';

/**
 * docs/configuration.md, generated from the configuration schema (`configSchema`, through zod's
 * JSON Schema export) and ENV_BINDINGS: every key with its type, default, environment variable
 * (and `*_FILE` variant for secrets) and description. `undescribed` lists the keys without a
 * `.describe()` text (each should have one).
 */
export function renderConfigReference(): { readonly text: string; readonly undescribed: readonly string[] } {
  const root = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Node;
  const undescribed: string[] = [];
  const out: string[] = [
    '# Configuration reference',
    '',
    `<!-- Generated from src/core/config/config-schema.ts by \`${CONFIG_REFERENCE_COMMAND}\`; do not edit by hand. -->`,
    '',
    'Causeway reads one configuration at start: the defaults below, then an optional YAML file',
    '(`--config FILE` or `CAUSEWAY_CONFIG`), then environment variables, which win. It is validated',
    'once; a bad value stops the start with `CONFIG_INVALID`, naming every bad key, where it came from',
    '(file:line or the variable) and what is expected. A commented example with every section:',
    '[`examples/config/causeway.yaml`](../examples/config/causeway.yaml).',
    '',
    'A secret variable `X` may instead be given as `X_FILE`, naming a file that holds the value',
    '(Docker and Kubernetes secrets); its trailing line break is dropped. List variables are',
    'comma-separated. Keys without a variable are set in the file only.',
    '',
    'Outside the schema: `CAUSEWAY_CONFIG` (the file) and `CAUSEWAY_INSTANCE_ID` (this process in',
    'logs and claims; default: the host name).',
    '',
  ];
  for (const [section, node] of Object.entries(root.properties ?? {})) {
    out.push(`## ${section}`, '');
    if (node.description) out.push(node.description, '');
    else undescribed.push(section);
    const rows: string[] = [];
    const notes: string[] = [];
    const walk = (path: readonly string[], n: Node) => {
      if (n.properties) {
        if (path.length > 1 && n.description) notes.push(`- \`${path.join('.')}\`: ${n.description}`);
        for (const [k, child] of Object.entries(n.properties)) walk([...path, k], child);
        return;
      }
      const key = path.join('.');
      if (!n.description) undescribed.push(key);
      rows.push(
        `| \`${key}\` | ${cell(typeOf(n))} | ${cell(defaultOf(n))} | ${cell(envOf(path))} | ${cell(n.description ?? '')} |`,
      );
    };
    walk([section], node);
    out.push('| key | type | default | environment variable | description |', '| --- | --- | --- | --- | --- |');
    out.push(...rows, '');
    if (notes.length > 0) out.push(...notes, '');
  }
  return { text: `${out.join('\n').trimEnd()}\n`, undescribed };
}

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((v) => `\`${String(v)}\``).join(' or ');
  switch (n.type) {
    case 'string':
      return n.format === 'uri' ? 'URL' : 'string';
    case 'integer':
    case 'number': {
      const word = n.type === 'integer' ? 'integer' : 'number';
      const lo =
        n.exclusiveMinimum !== undefined ? `> ${n.exclusiveMinimum}` : n.minimum !== undefined ? `≥ ${n.minimum}` : '';
      const hi = n.maximum !== undefined && n.maximum < Number.MAX_SAFE_INTEGER ? `≤ ${n.maximum}` : '';
      const range = [lo, hi].filter(Boolean).join(', ');
      return range ? `${word} (${range})` : word;
    }
    case 'boolean':
      return 'boolean';
    case 'array':
      return `list of ${n.items ? plural(typeOf(n.items)) : 'values'}`;
    case 'object':
      return typeof n.additionalProperties === 'object' ? `map of name → ${typeOf(n.additionalProperties)}` : 'mapping';
    default:
      return 'any';
  }
}

function plural(t: string): string {
  return t === 'string' ? 'strings' : t === 'URL' ? 'URLs' : t;
}

function defaultOf(n: Node): string {
  if (n['x-default'] !== undefined) return n['x-default'];
  if (!('default' in n)) return '(unset)';
  const d = n.default;
  if (Array.isArray(d)) return d.length === 0 ? '(none)' : d.map((v) => `\`${String(v)}\``).join(', ');
  if (d !== null && typeof d === 'object') return Object.keys(d).length === 0 ? '(none)' : `\`${JSON.stringify(d)}\``;
  if (typeof d === 'string') return d === '' ? '(empty)' : `\`${d}\``;
  return `\`${String(d)}\``;
}

function envOf(path: readonly string[]): string {
  const key = path.join('.');
  const b = ENV_BINDINGS.find((x) => x.path.join('.') === key);
  if (!b) return '—';
  return b.secret ? `\`${b.env}\` or \`${b.env}_FILE\`` : `\`${b.env}\``;
}

/** A table cell: pipes escaped, no line breaks. */
function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
