import type { ChatMessage } from './block-kit.ts';
import { buildNoticeMessage } from './build-notice-message.ts';

/** `/causeway help`: the subcommands and what auto-triage does. */
export function buildHelpMessage(command: string, watched: readonly string[]): ChatMessage {
  const c = command;
  const lines = [
    '*Causeway* ranks likely root causes of an alert from logs, traces and recent changes.',
    `• \`${c} triage <service | alert text> [--since 30m]\` — triage now; the result is posted in this channel and updated in place. \`--since\`: roughly when it started (default: the configured lookback).`,
    `• \`${c} status [incident]\` — open incidents, or the latest result of one.`,
    `• \`${c} runbooks [search]\` — runbooks that are configured.`,
    `• \`${c} run <runbook> [incident] [key=value …]\` — propose a runbook for an incident (default: the one open incident): its plan is posted with every step exactly as it would run; nothing runs until the approvers it names approve it.`,
    `• \`${c} autonomy\` — earned autonomy: per runbook, its shadow track record and whether it may run by itself.`,
    `• \`${c} pause [service|all] [reason]\` / \`${c} resume [service|all]\` — the kill switch for autonomous runbooks (approver groups only).`,
    `• \`${c} help\` — this help.`,
    watched.length > 0
      ? `Alerts posted in ${watched.map((id) => `<#${id}>`).join(', ')} by Alertmanager, Grafana, PagerDuty, Datadog or Causeway are triaged automatically in their thread.`
      : 'No channel is watched for alerts (set `slack.alertChannels`).',
  ];
  return buildNoticeMessage(lines.join('\n'), `Causeway: ${c} triage | status | runbooks | run | help`);
}
