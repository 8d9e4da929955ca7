import { parseDuration } from './parse-duration.ts';
import type { SlashCommand } from './slash-command.ts';

/** Reads the text after `/causeway`: `triage <service|alert text> [--since 30m]`, `status [id]`, `runbooks [search]`, `help`. */
export function parseSlashCommand(text: string): SlashCommand {
  const t = text.trim();
  const [word = '', ...rest] = t.split(/\s+/);
  const args = t.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'triage': {
      let sinceMs: number | undefined;
      let target = args;
      const m = /(?:^|\s)--since(?:=|\s+)(\S+)/.exec(args);
      if (m) {
        sinceMs = parseDuration(m[1] as string);
        if (sinceMs === undefined)
          return { kind: 'invalid', message: `--since "${m[1]}" is not a duration; use e.g. 30m, 2h or 1h30m` };
        target = (args.slice(0, m.index) + args.slice(m.index + m[0].length)).trim();
      } else if (/(?:^|\s)--since\s*$/.test(args)) {
        return { kind: 'invalid', message: '--since needs a duration, e.g. --since 30m' };
      }
      if (target === '') return { kind: 'invalid', message: 'say what to triage: a service name or the alert text' };
      return { kind: 'triage', target, sinceMs };
    }
    case 'status':
      return { kind: 'status', incidentId: rest[0] };
    case 'runbooks':
    case 'runbook':
      return { kind: 'runbooks', query: args === '' ? undefined : args };
    default:
      return { kind: 'invalid', message: `unknown subcommand "${word}"` };
  }
}
