/**
 * One line per `causeway` command, for `causeway --help`. Kept apart from the commands so the
 * list can be printed (and a command found) without loading any command's modules.
 */
export const COMMAND_SUMMARIES = {
  ask: "ask a follow-up question about a bundle's incident (needs a model)",
  audit: 'verify, export or show the tamper-evident audit log',
  autonomy: 'earned autonomy: per runbook, its shadow track record and whether it may run by itself',
  change: 'record a deploy or other change from CI (change record --service S --version V)',
  demo: 'triage a bundled example incident end to end (no services needed)',
  eval: 'score the ranking on bundles with truth.json (AC@1, AC@3, Avg@5 ...)',
  feedback: 'export confirmed chat feedback as evaluation cases',
  incident: "an incident's timeline, postmortem draft (md/html) or signed page link",
  runbooks: 'validate, list and plan runbooks (dry run or proposed for approval); the approval demo',
  seed: 'load an incident bundle into Elasticsearch (logs, traces, changes) or Prometheus (metrics)',
  serve: 'run the service: webhooks, health, metrics (and the Slack app when configured)',
  simulate: 'write simulated incident bundles with ground truth',
  stats: 'numbers for the team: incidents, time to hypothesis and resolution, confirmed causes, runs',
  slack: 'run the Slack app (Socket Mode, or --http)',
  templates: 'mine log templates (Drain-style) from a log file',
  triage: 'triage one incident bundle and print the ranked hypotheses',
} as const;

export type CommandName = keyof typeof COMMAND_SUMMARIES;
