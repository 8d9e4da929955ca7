import type { CliCommand, CliIo } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import type { AuditVerification } from '../../app/audit/audit-verification.ts';
import { exportAudit } from '../../app/audit/export-audit.ts';
import { verifiedThrough } from '../../app/audit/verified-through.ts';
import { verifyAudit } from '../../app/audit/verify-audit.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import type { ChainAnchor } from '../../core/audit/create-chain-verifier.ts';
import { formatAuditTimeline } from '../../core/audit/format-audit-timeline.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { plural } from '../../core/formats/plural.ts';
import type { Storage } from '../../core/storage/storage.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway audit verify [--db URL] [--expect-head HASH[@SEQ]] [--json]
       causeway audit export [--db URL] [--incident ID] [--since TIME] [--format jsonl]
       causeway audit show --incident ID [--db URL]

The audit log is an append-only hash chain: every record's hash covers the previous one, and
with audit.checkpointKey set, signed checkpoints make a rewritten chain detectable too.

  verify   walk every stored record (and re-hash stored payloads); names the first broken
           record and why, and prints the head hash to keep elsewhere as an anchor.
           Exit code: 0 intact, 1 broken, 2 usage, 3 the database cannot be used.
           Checkpoint signatures are checked with audit.checkpointKey when configured.
  export   the records as JSON lines, one canonical record (with hash) per line, for a SIEM
  show     a readable timeline of one incident
           export and show verify the chain first and print only the records it vouches for;
           past a break they stop, say why on stderr and exit 1.

  --db URL          the database (default: storage.url): sqlite:PATH or postgres://…
  --incident ID     only records about this incident
  --since TIME      only records at or after TIME: ISO 8601 (2025-01-31T12:00:00Z) or an age (30m, 24h, 7d)
  --format jsonl    the export format (the only one, and the default)
  --expect-head HASH[@SEQ]
                    verify: a head hash printed by an earlier verify and kept elsewhere; the
                    record (#SEQ, or any record without @SEQ) must still have it. A chain cut
                    short or rewritten since then fails, even one consistent with itself
  --json            verify: print the result as JSON
  -h, --help        print this help
`;

const EXIT = { ok: 0, broken: 1, usage: 2, storage: 3 } as const;

/** `causeway audit verify|export|show`: checks, exports and shows the audit chain. */
export function buildAuditCommand(runtime: Runtime): CliCommand {
  const { config, now: clock } = runtime;
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
          'expect-head': { type: 'string' },
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
      const anchorText = str('expect-head');
      if (anchorText !== undefined && sub !== 'verify') {
        return fail(io, 'USAGE: --expect-head is an option of verify', EXIT.usage);
      }
      const expectHead = anchorText === undefined ? undefined : parseAnchor(anchorText);
      if (expectHead === null) {
        return fail(
          io,
          `USAGE: --expect-head "${anchorText}" is not HASH or HASH@SEQ (the 64 hex digits of a record's hash, and its record number)`,
          EXIT.usage,
        );
      }
      if (sub === 'show' && incident === undefined) return fail(io, 'USAGE: show needs --incident ID', EXIT.usage);
      if (sub === 'export') {
        const format = str('format') ?? 'jsonl';
        if (format !== 'jsonl')
          return fail(io, `USAGE: unknown --format ${format}: jsonl is the only export format`, EXIT.usage);
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

      const opened = await runtime.openStorageAt(str('db') ?? config.storage.url, { create: false });
      if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, EXIT.storage);
      const storage = opened.value;
      try {
        if (sub === 'verify') return await verify(storage, config, { json: values.json === true, expectHead }, io);
        // Only what the chain vouches for is printed: a record past a break (or past the head,
        // or filed under another incident) could be forged.
        const v = await verifyAudit(storage, { key: config.audit.checkpointKey, payloads: false });
        const throughSeq = verifiedThrough(v);
        const flagged = () =>
          v.broken
            ? fail(
                io,
                `AUDIT_CHAIN_BROKEN: ${v.broken.message}; records from #${throughSeq + 1} on are not shown (run causeway audit verify)`,
                EXIT.broken,
              )
            : EXIT.ok;
        if (sub === 'export') {
          await exportAudit(
            storage,
            { ...(incident !== undefined ? { incidentId: incident } : {}), ...(since ? { since } : {}), throughSeq },
            (r) => io.stdout(`${canonicalJson(r)}\n`),
          );
          return flagged();
        }
        const records = await storage.audit.query({ incidentId: incident as string, throughSeq, limit: 100_000 });
        if (records.length === 0) {
          fail(io, `INPUT_MISSING: no ${v.broken ? 'verified ' : ''}audit records for incident ${incident}`, 1);
          return v.broken ? flagged() : 1;
        }
        io.stdout(`audit timeline of incident ${incident} (${plural(records.length, 'record')})\n`);
        io.stdout(`${formatAuditTimeline(records).join('\n')}\n`);
        return flagged();
      } finally {
        await storage.close();
      }
    },
  };
}

async function verify(
  storage: Storage,
  config: Readonly<Config>,
  { json, expectHead }: { readonly json: boolean; readonly expectHead: ChainAnchor | undefined },
  io: CliIo,
): Promise<number> {
  const key = config.audit.checkpointKey;
  const v = await verifyAudit(storage, { key, expectHead });
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
    const where = v.broken.kind === 'head-missing' ? '' : ` at record #${v.broken.seq}`;
    lines.push(`audit chain BROKEN${where} (${v.broken.kind}): ${v.broken.message}`);
    lines.push(v.records > 0 ? `records #1..#${v.lastSeq} verified before the break` : 'no record verified');
  } else if (v.records === 0) {
    lines.push('audit chain intact: empty');
  } else {
    lines.push(
      `audit chain intact: ${plural(v.records, 'record')} (#1..#${v.lastSeq}), head #${v.lastSeq} ${v.lastHash}`,
    );
    lines.push(`keep this anchor elsewhere and check it later with --expect-head ${v.lastHash}@${v.lastSeq}`);
  }
  if (v.anchor && !v.broken) lines.push(`anchor ${v.anchor.hash}@${v.anchor.seq}: matches record #${v.anchor.seq}`);
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

/** `HASH` or `HASH@SEQ` (64 hex digits, any case; SEQ from 1), or null when malformed. */
function parseAnchor(s: string): ChainAnchor | null {
  const m = /^([0-9a-fA-F]{64})(?:@([1-9][0-9]{0,15}))?$/.exec(s.trim());
  if (!m) return null;
  return { hash: (m[1] as string).toLowerCase(), ...(m[2] !== undefined ? { seq: Number(m[2]) } : {}) };
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
