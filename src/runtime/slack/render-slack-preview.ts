import { type ChartFonts, writeTimelineChart } from '../../adapters/charts/write-timeline-chart.ts';
import { renderBlocksAsText } from '../../adapters/cli/render-blocks-as-text.ts';
import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import { progressOfReport } from '../../core/chat/source-progress-of.ts';
import { validateMessage } from '../../core/chat/validate-message.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';

/**
 * What the Slack app would show for a triage, for the terminal: the incident message as text and
 * as its Block Kit JSON (checked against Slack's limits), and the timeline chart written to `chartPath`.
 */
export async function renderSlackPreview(
  report: TriageReport,
  id: string,
  chartPath: string,
  rule: string,
  fontFiles: ChartFonts = { files: [], cwd: '.' },
): Promise<string> {
  const alert = report.alerts.find((a) => a.status === 'firing');
  const message = buildIncidentMessage({
    incidentId: `INC-demo-${id}`,
    alertName: alert?.name ?? 'Alert',
    service: alert?.service,
    startedAt: report.asOf,
    progress: progressOfReport(report),
    report,
    notifications: 1,
    runbooks: [],
    resolved: false,
  });
  const problems = validateMessage(message);
  const out = [
    `${rule}\nWhat Causeway would post to Slack (in the alert's thread, edited in place as sources answer):\n${rule}`,
    renderBlocksAsText(message),
    `${rule}\nThe same message as Block Kit JSON (chat.update payload; ${problems.length === 0 ? "within Slack's limits" : `PROBLEMS: ${problems.join('; ')}`}):\n${rule}`,
    JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2),
  ];
  const chart = await writeTimelineChart(report, chartPath, fontFiles);
  if (chart.kind === 'bad-fonts') out.push(`${rule}\nNo timeline chart: ${chart.message}`);
  else if (chart.kind === 'written')
    out.push(
      `${rule}\nTimeline chart (uploaded into the thread with files.uploadV2): wrote ${chartPath} (${chart.bytes} bytes)`,
    );
  else if (chart.kind === 'no-series')
    out.push(`${rule}\nNo timeline chart: the triage has no series for the implicated services.`);
  else throw new Error(`cannot write the chart to ${chartPath}: ${chart.message}`);
  return `${out.join('\n')}\n`;
}
