/** What `causeway serve` shows of an incident: the page, its chart, or the postmortem draft (docs/postmortems.md). */
export type IncidentPageView = 'page' | 'chart.png' | 'report.md' | 'report.html';
