import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { recordChanges } from '../../app/ingest/record-changes.ts';
import { parseChangeEvent } from '../../core/formats/parse-change-event.ts';
import { hmacSha256Hex } from '../../core/ingest/hmac-sha256-hex.ts';
import { SILENT_LOG } from '../../core/ingest/silent-log.ts';
import { CHANGE_TYPES } from '../../core/model/change-type.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway change record --service S --version V [options]

Records a deploy (or other change) for triage, from a CI pipeline. Without --server it writes to
the database (storage.url); with --server it posts to a running causeway serve
(POST /webhooks/changes/generic, signed with webhooks.changes.hmacSecret, else
Authorization: Bearer webhooks.changes.token or --token).

  --service S            the service deployed (required)
  --version V            the version deployed (required)
  --type T               ${CHANGE_TYPES.join(', ')} (default deploy)
  --environment E        e.g. prod
  --previous-version V
  --status S             e.g. succeeded, failed, in_progress (default succeeded)
  --commit SHA   --author NAME   --url URL   --description TEXT
  --started-at TIME      RFC 3339 (default now)   --finished-at TIME   RFC 3339 (default: started-at)
  --id ID                default cli-<service>-<version>-<started-at>
  --server URL           the base URL of causeway serve, e.g. https://causeway.internal:8080
  --token T              bearer token for --server (default webhooks.changes.token)
  --json                 print the recorded event as JSON
`;

const OPTIONS = {
  service: { type: 'string' },
  version: { type: 'string' },
  type: { type: 'string' },
  environment: { type: 'string' },
  'previous-version': { type: 'string' },
  status: { type: 'string' },
  commit: { type: 'string' },
  author: { type: 'string' },
  url: { type: 'string' },
  description: { type: 'string' },
  'started-at': { type: 'string' },
  'finished-at': { type: 'string' },
  id: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `causeway change record`: one change event into the store, directly or through a running server. */
export function buildChangeCommand(runtime: Runtime): CliCommand {
  const { config, now } = runtime;
  return {
    name: 'change',
    summary: COMMAND_SUMMARIES.change,
    usage: USAGE,
    async run(argv, io) {
      const [verb, ...rest] = argv;
      if (verb === '--help' || verb === '-h' || verb === undefined) {
        io.stdout(USAGE);
        return verb === undefined ? 2 : 0;
      }
      if (verb !== 'record') {
        io.stderr(
          `causeway change: USAGE: unknown sub-command ${JSON.stringify(verb)}; use: causeway change record …\n`,
        );
        return 2;
      }
      const args = parseCliArgs(rest, OPTIONS);
      if (!args.ok) {
        io.stderr(`causeway change: USAGE: ${args.error}\n`);
        return 2;
      }
      const v = args.value.values as Record<string, string | boolean | undefined>;
      if (v.help) {
        io.stdout(USAGE);
        return 0;
      }
      const s = (k: string) => (typeof v[k] === 'string' && v[k] !== '' ? (v[k] as string) : undefined);
      for (const k of ['service', 'version']) {
        if (!s(k)) {
          io.stderr(`causeway change: USAGE: --${k} is required\n`);
          return 2;
        }
      }
      const startedAt = s('started-at') ?? new Date(now()).toISOString();
      const doc = {
        id: s('id') ?? `cli-${s('service')}-${s('version')}-${startedAt.replace(/[^0-9]/g, '').slice(0, 14)}`,
        type: s('type') ?? 'deploy',
        service: s('service'),
        version: s('version'),
        startedAt,
        finishedAt: s('finished-at') ?? startedAt,
        status: s('status') ?? 'succeeded',
        ...(s('environment') ? { environment: s('environment') } : {}),
        ...(s('previous-version') ? { previousVersion: s('previous-version') } : {}),
        ...(s('commit') ? { commit: s('commit') } : {}),
        ...(s('author') ? { author: s('author') } : {}),
        ...(s('url') ? { url: s('url') } : {}),
        ...(s('description') ? { description: s('description') } : {}),
      };
      const parsed = parseChangeEvent(doc);
      if (!parsed.ok) {
        const flag = parsed.error.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        io.stderr(`causeway change: INPUT_INVALID: --${flag}: ${parsed.error.message}\n`);
        return 2;
      }
      const server = s('server');
      if (server) {
        const body = JSON.stringify(doc);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const secret = config.webhooks.changes.hmacSecret;
        const token = s('token') ?? config.webhooks.changes.token;
        if (secret) {
          const ts = String(Math.floor(now() / 1000));
          headers['x-causeway-timestamp'] = ts;
          headers['x-causeway-signature'] = `sha256=${hmacSha256Hex(secret, `${ts}.`, body)}`;
        } else if (token) headers.authorization = `Bearer ${token}`;
        else {
          io.stderr(
            'causeway change: USAGE: --server needs webhooks.changes.hmacSecret or webhooks.changes.token (or --token)\n',
          );
          return 2;
        }
        try {
          const res = await fetch(new URL('/webhooks/changes/generic', server), {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(15_000),
          });
          const text = await res.text();
          if (!res.ok) {
            io.stderr(`causeway change: the server answered ${res.status}: ${text.slice(0, 500)}\n`);
            return res.status >= 500 ? 3 : 1;
          }
        } catch (e) {
          io.stderr(`causeway change: SOURCE_UNAVAILABLE: cannot reach ${server}: ${(e as Error).message}\n`);
          return 3;
        }
      } else {
        // The runtime's options: its clock and audit settings, the one secret list.
        const opened = await runtime.openStorageAt(config.storage.url);
        if (!opened.ok) {
          io.stderr(`causeway change: ${opened.error.code}: ${opened.error.message}\n`);
          return 3;
        }
        try {
          await recordChanges(
            { changes: opened.value.changes, now, log: SILENT_LOG },
            { source: 'cli', changes: [parsed.value] },
          );
        } finally {
          await opened.value.close();
        }
      }
      io.stdout(
        v.json
          ? `${JSON.stringify(doc)}\n`
          : `causeway change: recorded ${doc.id} (${doc.type} ${doc.service} ${doc.version})\n`,
      );
      return 0;
    },
  };
}
