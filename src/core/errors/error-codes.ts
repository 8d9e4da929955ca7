/**
 * Every error code Causeway reports, with what it means and how to fix it. `docs/errors.md`
 * lists the same codes (a test keeps them in sync).
 */
export const ERROR_CODES = {
  INPUT_INVALID: {
    meaning: 'An input file or record is malformed (the message names the file, line and field).',
    fix: 'Correct the named field; see docs/incident-bundle.md for the bundle format.',
  },
  INPUT_MISSING: {
    meaning: 'A required input (such as alert.json or a bundle folder) does not exist.',
    fix: 'Check the path; a bundle folder must contain alert.json.',
  },
  CONFIG_INVALID: {
    meaning:
      'The configuration (environment variables or the YAML file) failed validation: a bad value or unknown key, a secret file named by a `*_FILE` variable that cannot be read (or a variable set both directly and by `_FILE`), a YAML syntax error, a circular or over-expanding YAML alias, a shell, interpreter or program wrapper in runbooks.command.allow, or a charts.fontFiles entry that is missing or not a TrueType/OpenType font.',
    fix: 'Every problem is listed with its key, the bad value and what is expected; correct them all.',
  },
  USAGE: {
    meaning: 'A command was called with unknown or missing arguments.',
    fix: 'Run the command with --help to see its usage.',
  },
  SOURCE_TIMEOUT: {
    meaning: 'A data source (logs, traces, metrics, changes) did not answer within its timeout.',
    fix: 'Check the source is healthy or raise its timeout; the triage completed with the other sources.',
  },
  SOURCE_UNAVAILABLE: {
    meaning: 'A data source could not be reached or answered with an error.',
    fix: 'Check the URL, credentials and that the service is up; the triage completed with the other sources.',
  },
  NO_FIRING_ALERT: {
    meaning: 'The alert payload has no firing alert, so there is no incident time to triage at.',
    fix: 'Triage needs at least one alert with status "firing".',
  },
  STORAGE_UNAVAILABLE: {
    meaning: 'The database (storage.url) could not be opened or reached.',
    fix: 'Check storage.url: for SQLite that the folder is writable, for PostgreSQL the host, port, credentials and that the server is up.',
  },
  STORAGE_SCHEMA_NEWER: {
    meaning: 'The database was migrated by a newer Causeway than this one; this version refuses to start on it.',
    fix: 'Run the newer Causeway (or later), or point storage.url at another database. Nothing was changed.',
  },
  STORAGE_SCHEMA_MISMATCH: {
    meaning:
      'A schema migration recorded in the database differs from the one in this Causeway (a different build created it).',
    fix: 'Use the Causeway build that created the database, or start from a new database. Nothing was changed.',
  },
  AUDIT_CHAIN_BROKEN: {
    meaning:
      'causeway audit verify found the audit chain altered: a record edited, deleted, reordered, inserted past the chain head, moved to another incident, or rewritten after signing; the chain head row deleted; or a record no longer matching an anchor given with --expect-head. audit show and export print only the records before the break and exit 1; serve refuses to start (exit 3) when a record lies past the chain head or the head row is missing.',
    fix: 'The message names the first broken record and why. Restore the database from a backup and investigate who had write access.',
  },
  SEED_REJECTED: {
    meaning:
      'causeway seed could not load a bundle into Elasticsearch (an index it would write already exists, or Elasticsearch rejected documents) or into Prometheus blocks (promtool is missing or refused the series).',
    fix: 'Pass --replace to overwrite the indices (or another --prefix); for rejected documents the message names the first one and the reason. For --prometheus, install promtool (Debian package prometheus) or pass --promtool PATH; its own message is quoted.',
  },
  LLM_DISABLED: {
    meaning:
      'No model is configured (llm.model is unset), so no narrative or answer is produced and no request is made.',
    fix: 'Nothing to fix if that is intended; otherwise set llm.model or CAUSEWAY_LLM_MODEL (and llm.baseUrl, CAUSEWAY_LLM_BASE_URL, for a self-hosted server), see docs/llm.md.',
  },
  LLM_UNAVAILABLE: {
    meaning:
      "The model endpoint (llm.baseUrl) could not be reached, or refused or failed the request (the message gives the HTTP status and the server's words).",
    fix: 'Check llm.baseUrl, llm.model and llm.apiKey and that the server is up; the deterministic triage result is posted regardless.',
  },
  LLM_TIMEOUT: {
    meaning:
      'The model did not answer within its time limit (llm.timeoutSeconds per request, llm.narrateTimeoutSeconds or llm.followUp.timeoutSeconds overall).',
    fix: 'Use a faster model or raise the limits; the deterministic triage result is posted regardless.',
  },
  LLM_RATE_LIMITED: {
    meaning: 'The model endpoint kept answering 429 (rate limited) after the configured retries.',
    fix: "Raise llm.maxRetries, lower the request rate, or raise the provider's quota; the deterministic triage result is posted regardless.",
  },
  LLM_OUTPUT_INVALID: {
    meaning:
      "The model's reply did not match the required JSON schema (or the forced function's parameters), so none of it was used.",
    fix: 'Use a model that supports structured output; for servers without json_schema set llm.structuredOutput to functionCalling.',
  },
  LLM_UNGROUNDED: {
    meaning:
      "No sentence of the model's reply cited evidence it was given (uncited sentences and made-up evidence keys are dropped), so nothing is shown.",
    fix: 'Nothing is wrong with Causeway; a stronger model or a clearer prompt (prompts/narrate.md) helps. The deterministic triage result stands.',
  },
  LLM_BUDGET_EXCEEDED: {
    meaning:
      "The incident's LLM budget (llm.budget.maxTokensPerIncident or maxCostPerIncidentUsd) is spent, so no further request was made.",
    fix: "Raise the budget in llm.budget if more is wanted; spending is summed from the audit log's llm.called records.",
  },
  PROMPT_INVALID: {
    meaning:
      'A prompt file in prompts/ is missing or malformed: a required slot is missing, an unknown slot or partial is used, a slot is in the system part, or the front matter is wrong. Causeway refuses to start.',
    fix: 'Correct the file named in the message (see docs/llm.md for the prompt file format) and raise its version.',
  },
  SOURCES_NOT_CONFIGURED: {
    meaning: 'A triage was asked for (from Slack or a webhook) but no data source is configured.',
    fix: 'Set elasticsearch.url (live data) or sources.bundleDir (a recorded incident bundle, for demos and tests); see docs/slack.md.',
  },
  SLACK_NOT_CONFIGURED: {
    meaning: 'causeway slack was started without the Slack credentials its mode needs.',
    fix: 'Set slack.botToken (xoxb-…) and, in Socket Mode, slack.appToken (xapp-…), or in HTTP mode slack.signingSecret; see docs/slack.md.',
  },
  SLACK_UNAVAILABLE: {
    meaning:
      "Causeway could not reach Slack's Web API when starting the Slack app (no network, DNS, a proxy, a wrong slack.apiUrl, or no answer in time).",
    fix: 'Check that this host reaches the URL in the message (https://slack.com/api/ unless slack.apiUrl is set), then start again. Nothing was posted.',
  },
  CHAT_POST_FAILED: {
    meaning:
      'Slack refused a message Causeway tried to post or edit (not in the channel, channel gone, token revoked, invalid blocks).',
    fix: "Invite the app to the channel (/invite @Causeway); if it persists, check the app is installed and the bot token is valid. The message names Slack's error code.",
  },
  WEBHOOK_UNAUTHORIZED: {
    meaning:
      'A webhook was refused (HTTP 401): its signature or bearer token is missing or does not match (the message names the header).',
    fix: 'Configure the sender with the same secret as webhooks.<source> (docs/webhooks.md); HMAC signatures are computed over the exact raw body.',
  },
  WEBHOOK_REPLAYED: {
    meaning:
      'A signed webhook timestamp is outside the replay window (webhooks.replayWindowSeconds, default 300 s): an old delivery replayed, or a clock far off (HTTP 401).',
    fix: 'Check the sender clock (NTP); a genuine delivery is never older than the window. Nothing was stored.',
  },
  WEBHOOK_TOO_LARGE: {
    meaning: 'A webhook body was larger than server.bodyLimitBytes (HTTP 413); it was not read further.',
    fix: 'Raise server.bodyLimitBytes, or have the sender send fewer alerts per request (Alertmanager: max_alerts).',
  },
  WEBHOOK_CONTENT_TYPE: {
    meaning: 'A webhook did not declare a JSON content type (HTTP 415).',
    fix: 'Send the body with Content-Type: application/json.',
  },
  WEBHOOK_MALFORMED: {
    meaning:
      'A webhook body is not valid UTF-8 (the message gives the byte offset of the first bad byte) or not valid JSON (the parser position), or the request was aborted (HTTP 400).',
    fix: 'Fix the sender payload template so that it renders valid JSON encoded as UTF-8 (quote template variables that can be empty).',
  },
  WEBHOOK_TIMEOUT: {
    meaning:
      'A webhook body did not arrive whole within server.bodyTimeoutSeconds (default 10 s) of the request (HTTP 408); the connection was closed.',
    fix: 'Check the network between the sender and Causeway, or raise server.bodyTimeoutSeconds for a slow link.',
  },
  WEBHOOK_PAYLOAD_INVALID: {
    meaning:
      'A webhook body is JSON but not the shape its source sends (HTTP 422); the message names the wrong field by its JSON path and says why — including a time that is not a real date (`2026-02-30`) or lies outside the years 1970–9999 (`1e300`).',
    fix: 'Correct the named field; the expected payloads, templates and time formats are in docs/webhooks.md.',
  },
  WEBHOOK_SOURCE_DISABLED: {
    meaning:
      'A webhook arrived for a source that is unknown or has no secret configured, so it is refused (HTTP 404); Causeway never accepts unauthenticated webhooks.',
    fix: 'Set the source token or secret under webhooks.<source> (docs/webhooks.md), or fix the URL.',
  },
  HTTP_ROUTE_UNKNOWN: {
    meaning: 'A request named a path or method that the Causeway server does not serve (HTTP 404 or 405).',
    fix: 'See docs/webhooks.md and docs/deploy.md for the endpoints: /healthz, /readyz, /metrics, POST /webhooks/alerts/<source>, POST /webhooks/changes/<source>.',
  },
  SERVER_BUSY: {
    meaning:
      'A webhook was turned away (HTTP 503 with Retry-After) because more than server.maxConnections connections were open, or because the bodies being received passed server.maxBodyBytesInFlight and this one had been arriving the longest. Nothing was stored.',
    fix: 'The sender should retry after Retry-After; if genuine traffic hits the caps, raise server.maxConnections or server.maxBodyBytesInFlight (docs/webhooks.md), or look for a client holding connections open.',
  },
  SERVER_UNAVAILABLE: {
    meaning:
      'The server could not accept the request now (HTTP 503): it is shutting down, or the database failed while storing it. A delivery is stored in one transaction (its alerts, incidents and audit records), so nothing of it was kept and a retry is treated as new.',
    fix: 'The sender should retry (Alertmanager, Grafana, GitHub and PagerDuty do); if it persists, check /readyz and storage.url.',
  },
  RUNBOOK_INVALID: {
    meaning:
      'A runbook file failed validation: the message names the file, line and field (unknown executor, a template using something other than params, a host or executable not allowlisted, a templated program or program-runner argument, a circular or over-expanding YAML alias, a missing approver group …). Causeway refuses to start with it (exit code 2).',
    fix: 'Correct the named field (see runbooks/README.md for the format) and check with: causeway runbooks validate [DIR].',
  },
  RUNBOOK_NOT_FOUND: {
    meaning: 'No runbook in the catalog (runbooks.dir) has the id asked for.',
    fix: 'Check the id with: causeway runbooks list (or /causeway runbooks in Slack).',
  },
  RUNBOOK_PARAMS_INVALID: {
    meaning:
      'A runbook parameter is missing or its value was refused (type, pattern, bounds, length, line breaks, a leading -, a . or .. segment), or a step rendered with it is not allowed (e.g. a namespace outside runbooks.kubectl.namespaces).',
    fix: 'Give the parameter as key=value with a value the message accepts; values from alert labels are checked the same way.',
  },
  RUNBOOK_ADVISORY: {
    meaning:
      'The runbook is advisory (autonomy: advisory in its file): Causeway proposes and explains its plan, but nothing of it can be run or approved.',
    fix: 'Run the steps by hand, or raise the runbook to autonomy: supervised once its plan is trusted (docs/autonomy.md).',
  },
  RUN_NOT_FOUND: {
    meaning: 'No runbook run (or no such step in it) exists with the id given, e.g. from an old Slack button.',
    fix: 'Propose the runbook again; runs are kept in the database (storage.url).',
  },
  INCIDENT_NOT_FOUND: {
    meaning: 'No incident has the id given (e.g. to /causeway run or /causeway status).',
    fix: 'Use the incident id shown on the incident message (INC-…); /causeway status lists the open incidents.',
  },
  APPROVAL_FORBIDDEN: {
    meaning:
      "The person may not decide on this step: they proposed the run or requested the approval, or they are in none of the step's approver groups (runbooks.approval.groups). The attempt is audited.",
    fix: 'Ask someone from the approver groups named on the approval card; groups are Slack user and user group ids in runbooks.approval.groups.',
  },
  APPROVAL_EXPIRED: {
    meaning:
      'The approval request ran out of time (runbooks.approval.expiryMinutes, default 30) before enough people approved, or the approval was not used in time.',
    fix: 'Request approval again; a fresh request starts a new count.',
  },
  APPROVAL_STALE: {
    meaning:
      'The decision or execution was for a step that changed: the button carried another step hash, or the runbook file changed since the plan was made, so the re-rendered step no longer matches what was approved.',
    fix: 'Propose the runbook again and approve the new plan; nothing ran.',
  },
  STEP_NOT_APPROVED: {
    meaning: 'A step that needs approval was asked to run before its approval policy was met (or after a rejection).',
    fix: 'Request approval and wait for the required approvers; the card shows how many are still needed.',
  },
  STEP_FAILED: {
    meaning:
      'A runbook step ran and failed: a non-zero exit code, an unexpected HTTP status, a check that did not hold, or an executor refusal; its output is in the thread and the audit log.',
    fix: "Read the step's output; the run's onFailure (stop, continue or rollback) decided what happened next.",
  },
  STEP_TIMEOUT: {
    meaning: 'A runbook step did not finish within its timeout; its process group was killed (or the request aborted).',
    fix: "Check the target; raise the step's timeout in the runbook if it legitimately needs longer (at most runbooks.maxTimeoutSeconds).",
  },
  STEP_OUTCOME_UNKNOWN: {
    meaning:
      'Causeway stopped while a step was running, so whether it took effect is unknown. The step is never re-run automatically.',
    fix: 'Check the target by hand (e.g. kubectl rollout status) and decide; propose the runbook again if it must run.',
  },
  PAGER_REJECTED: {
    meaning:
      'PagerDuty refused the event as invalid (HTTP 400 from the Events API v2): usually a wrong integration key or an empty summary. It is not retried.',
    fix: 'Check autonomy.pagerduty.routingKey (the 32-character Events API v2 integration key of the service to page).',
  },
  PAGER_UNAVAILABLE: {
    meaning:
      'PagerDuty could not be reached, timed out, or kept answering 429 or 5xx through every attempt (retried with backoff): nobody was paged by Causeway.',
    fix: 'Page by hand from the incident thread; check the network path to autonomy.pagerduty.url and its status page; raise autonomy.pagerduty.maxAttempts if PagerDuty rate-limits you.',
  },
  INTERNAL: {
    meaning: 'An unexpected error inside Causeway.',
    fix: 'Please report it with the message; nothing was changed.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
