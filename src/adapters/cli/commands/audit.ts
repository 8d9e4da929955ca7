import type { AuditVerification } from '../../../app/audit/audit-verification.ts';
import { exportAudit } from '../../../app/audit/export-audit.ts';
import { verifyAudit } from '../../../app/audit/verify-audit.ts';
import { canonicalJson } from '../../../core/audit/canonical-json.ts';
import { formatAuditTimeline } from '../../../core/audit/format-audit-timeline.ts';
import type { Config } from '../../../core/config/config-schema.ts';
import type { Storage } from '../../../core/storage/storage.ts';
import { openStorage } from '../../storage/open-storage.ts';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { COMMAND_SUMMARIES } from '../command-summaries.ts';
import { parseCliArgs } from '../parse-cli-args.ts';

const USAGE = `usage: causeway audit verify [--db URL] [--json]
       causeway audit export [--db URL] [--incident ID] [--since TIME] --format jsonl
       causeway audit show --incident ID [--db URL]

The audit log is an append-only hash chain: every record's hash covers the previous one, and
with audit.checkpointKey set, signed checkpoints make a rewritten chain detectable too.

  verify   walk the whole chain (and re-hash stored payloads); names the first broken record
           and why. Exit code: 0 intact, 1 broken, 2 usage, 3 the database cannot be used.
           Checkpoint signatures are checked with audit.checkpointKey when configured.
  export   the records as JSON lines, one canonical record (with hash) per line, for a SIEM
  show     a readable timeline of one incident

  --db URL          the database (default: storage.url): sqlite:PATH or postgres://…
  --incident ID     only records about this incident
  --since TIME      only records at or after TIME: ISO 8601 (2025-01-31T12:00:00Z) or an age (30m, 24h, 7d)
  --format jsonl    the export format (the only one)
  --json            verify: print the result as JSON
  -h, --help        print this help
`;

const EXIT = { ok: 0, broken: 1, usage: 2, storage: 3 } as const;

/** `causeway audit verify|export|show`: checks, exports and shows the audit chain. */
export function buildAuditCommand(config: Readonly<Config>, clock: () => number): CliCommand {
  return {
    name: 'audit',
    summary: COMMAND_SUMMARIES.audit,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        {
          db: { type: 'string' },
          incident: { type: 'string' },
          since: { type: 'string' },
          format: { type: 'string' },
          json: { type: 'boolean' },
        },
        true,
      );
      if (!args.ok) return fail(io, `USAGE: ${args.error} (see --help)`, EXIT.usage);
      const { values, positionals } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return EXIT.ok;
      }
      const [sub, ...extra] = positionals;
      if (sub !== 'verify' && sub !== 'export' && sub !== 'show') {
        return fail(
          io,
          `USAGE: expected verify, export or show${sub ? `, not "${sub}"` : ''} (see --help)`,
          EXIT.usage,
        );
      }
      if (extra.length > 0) return fail(io, `USAGE: unexpected argument "${extra[0]}"`, EXIT.usage);
      const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
      const incident = str('incident');
      let since: string | undefined;
      if (sub === 'show' && incident === undefined) return fail(io, 'USAGE: show needs --incident ID', EXIT.usage);
      if (sub === 'export') {
        if (str('format') !== 'jsonl') return fail(io, 'USAGE: export needs --format jsonl', EXIT.usage);
        const s = str('since');
        if (s !== undefined) {
          since = parseSince(s, clock());
          if (since === undefined) {
            return fail(
              io,
              `USAGE: --since "${s}" is neither an ISO 8601 time nor an age like 30m, 24h, 7d`,
              EXIT.usage,
            );
          }
        }
      }

      const opened = await openStorage(str('db') ?? config.storage.url, {
        clock,
        cwd: io.cwd,
        create: false,
        sqliteSynchronous: config.storage.sqliteSynchronous,
      });
      if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, EXIT.storage);
      const storage = opened.value;
      try {
        if (sub === 'verify') return await verify(storage, config, values.json === true, io);
        if (sub === 'export') {
          await exportAudit(
            storage,
            { ...(incident !== undefined ? { incidentId: incident } : {}), ...(since ? { since } : {}) },
            (r) => io.stdout(`${canonicalJson(r)}\n`),
          );
          return EXIT.ok;
        }
        const records = await storage.audit.query({ incidentId: incident as string, limit: 100_000 });
        if (records.length === 0) return fail(io, `INPUT_MISSING: no audit records for incident ${incident}`, 1);
        io.stdout(`audit timeline of incident ${incident} (${records.length} records)\n`);
        io.stdout(`${formatAuditTimeline(records).join('\n')}\n`);
        return EXIT.ok;
      } finally {
        await storage.close();
      }
    },
  };
}

async function verify(storage: Storage, config: Readonly<Config>, json: boolean, io: CliIo): Promise<number> {
  const key = config.audit.checkpointKey;
  const v = await verifyAudit(storage, { key });
  if (json) io.stdout(`${JSON.stringify(v, null, 2)}\n`);
  else io.stdout(describe(v));
  if (v.broken) {
    io.stderr(`causeway audit: AUDIT_CHAIN_BROKEN: ${v.broken.message}\n`);
    return EXIT.broken;
  }
  return EXIT.ok;
}

function describe(v: AuditVerification): string {
  const lines: string[] = [];
  if (v.broken) {
    lines.push(`audit chain BROKEN at record #${v.broken.seq} (${v.broken.kind}): ${v.broken.message}`);
    lines.push(v.records > 0 ? `records #1..#${v.lastSeq} verified before the break` : 'no record verified');
  } else if (v.records === 0) {
    lines.push('audit chain intact: empty');
  } else {
    lines.push(`audit chain intact: ${v.records} records (#1..#${v.lastSeq}), head ${v.lastHash.slice(0, 16)}…`);
  }
  if (!v.keyed) {
    lines.push(
      `signed checkpoints: ${v.checkpointsUnchecked} present, not checked (no audit.checkpointKey configured): a chain rewritten with recomputed hashes is only detected with the key`,
    );
  } else if (!v.broken) {
    lines.push(
      `signed checkpoints: ${v.checkpointsVerified} verified${v.signedThrough ? `, everything through #${v.signedThrough} authenticated` : ''}`,
    );
    if (v.firstSignedSeq !== undefined && v.firstSignedSeq > 1) {
      lines.push(`records #1..#${v.firstSignedSeq - 1} predate the first checkpoint (written before the key was set)`);
    }
    if (v.signedThrough !== undefined && v.signedThrough < v.lastSeq) {
      lines.push(`records #${v.signedThrough + 1}..#${v.lastSeq} are not yet covered by a checkpoint`);
    }
  }
  if (v.payloadsChecked > 0) lines.push(`payloads: ${v.payloadsChecked} re-hashed, intact`);
  return `${lines.join('\n')}\n`;
}

/** An ISO 8601 time or an age (`90s`, `30m`, `24h`, `7d`) before `now`, as the records' ISO text. */
function parseSince(s: string, now: number): string | undefined {
  const age = /^(\d+)([smhd])$/.exec(s.trim());
  if (age) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(age[1]) * unit).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`causeway audit: ${message}\n`);
  return code;
}
