import { parseDuration } from '../runbooks/parse-duration.ts';
import type { SlashCommand } from './slash-command.ts';

/**
 * Reads the text after `/causeway`: `triage <service|alert text> [--since 30m]`, `status [id]`,
 * `runbooks [search]`, `run <runbook> [incident] [key=value …]` (a value with spaces in double
 * quotes; without an incident, the one open incident), `autonomy`, `pause [service|all] [reason]`
 * (default all), `resume [service|all]` (default: every pause), `help`.
 */
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
    case 'run':
      return parseRun(args);
    case 'autonomy':
      return { kind: 'autonomy' };
    case 'pause':
      return { kind: 'pause', scope: rest[0] ?? 'all', reason: rest.slice(1).join(' ') };
    case 'resume':
      return { kind: 'resume', scope: rest[0] };
    default:
      return { kind: 'invalid', message: `unknown subcommand "${word}"` };
  }
}

const RUN_USAGE =
  'use: run <runbook-id> <incident-id> [key=value …], e.g. run rollback-last-deploy INC-20261124-a1b2c3';

function parseRun(args: string): SlashCommand {
  const words: string[] = [];
  const re = /([^\s"=]+=)"([^"]*)"|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(args); m; m = re.exec(args)) {
    if (m[1] !== undefined) words.push(`${m[1]}${m[2]}`);
    else if (m[3] !== undefined) words.push(m[3]);
    else words.push(m[4] as string);
  }
  const [runbookId, second, ...others] = words;
  if (!runbookId || runbookId.includes('=')) return { kind: 'invalid', message: `say which runbook; ${RUN_USAGE}` };
  const incidentId = second !== undefined && !second.includes('=') ? second : undefined;
  const rest = incidentId === undefined && second !== undefined ? [second, ...others] : others;
  const params: Record<string, string> = {};
  for (const w of rest) {
    const eq = w.indexOf('=');
    if (eq <= 0) return { kind: 'invalid', message: `"${w}" is not key=value; ${RUN_USAGE}` };
    const key = w.slice(0, eq);
    if (Object.hasOwn(params, key)) return { kind: 'invalid', message: `${key} is given twice` };
    params[key] = w.slice(eq + 1);
  }
  return { kind: 'run', runbookId, incidentId, params };
}
