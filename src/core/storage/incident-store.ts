import type { Alert } from '../model/alert.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { SourcesOrigin } from '../sources/triage-sources.ts';

/** One incident: a group of alerts (claimed under one group key) with one fixed triage time. */
export type Incident = {
  readonly id: string;
  readonly title: string;
  readonly service: string | undefined;
  readonly status: 'open' | 'resolved';
  readonly openedAt: number;
  /** The triage "as of" time, fixed when the incident opens. */
  readonly asOf: number;
  readonly resolvedAt: number | undefined;
  /** Every alert fingerprint (the alerts' own) that has joined, in order of first arrival. */
  readonly fingerprints: readonly string[];
};

/** An alert as received for an incident. */
export type IncidentAlert = {
  readonly incidentId: string;
  readonly n: number;
  /** The alert's own fingerprint (as `alert.fingerprint`). */
  readonly fingerprint: string;
  /** The group key of the incident it joined (see `OpenOrJoinInput.groupKey`). */
  readonly groupKey: string;
  readonly receivedAt: number;
  readonly alert: Alert;
};

/** One stored triage result (an incident is re-triaged as evidence arrives: versions 1, 2, …). */
export type TriageResult = {
  readonly incidentId: string;
  readonly version: number;
  readonly createdAt: number;
  readonly asOf: number;
  /** The report as produced (stored through `triageReportCodec`: everything but the chart's series). */
  readonly report: TriageReport;
  /** Where its data came from; undefined for rows that did not record it. */
  readonly origin: SourcesOrigin | undefined;
};

export type OpenOrJoinInput = {
  /** The id to use if a new incident is opened. */
  readonly newId: string;
  readonly alert: Alert;
  /**
   * The key the incident is claimed under (`groupKeys`: `grp-<dimensions>-<window>`); defaults to
   * the alert's fingerprint. Stored in its own column: the alert keeps its own fingerprint.
   */
  readonly groupKey?: string;
  readonly at: number;
  /** Defaults to the alert's name. */
  readonly title?: string;
  /** Defaults to `at`. */
  readonly asOf?: number;
};

/**
 * Incidents, their alerts and triage results. `openOrJoin` is atomic: an alert whose fingerprint
 * is already in an open incident joins it; otherwise it claims its group key, and a storm of
 * alerts with one key — even across replicas — opens one incident, the rest join it.
 */
export type IncidentStore = {
  openOrJoin(input: OpenOrJoinInput): Promise<{ readonly incident: Incident; readonly created: boolean }>;
  get(id: string): Promise<Incident | undefined>;
  /** The open incident holding an alert with this (own) fingerprint. */
  findOpen(fingerprint: string): Promise<Incident | undefined>;
  /** The open incident claimed under this group key. */
  findOpenGroup(groupKey: string): Promise<Incident | undefined>;
  /** Newest first. */
  list(filter?: { readonly status?: 'open' | 'resolved'; readonly limit?: number }): Promise<Incident[]>;
  alerts(incidentId: string): Promise<IncidentAlert[]>;
  /** Closes the incident: its group key and fingerprints are free to open a new one. Undefined when unknown. */
  resolve(id: string, at: number): Promise<Incident | undefined>;
  saveTriage(
    incidentId: string,
    result: { readonly at: number; readonly report: TriageReport; readonly origin?: SourcesOrigin },
  ): Promise<TriageResult>;
  latestTriage(incidentId: string): Promise<TriageResult | undefined>;
};
