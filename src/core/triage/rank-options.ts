/** The ranking's knobs, in one place. Points are the most a rule can give one service. */
export type RankOptions = {
  readonly points: {
    readonly originErrors: number;
    readonly selfLatency: number;
    readonly errorLogs: number;
    readonly logPatterns: number;
    readonly change: number;
    readonly changeWithoutAnomaly: number;
    readonly traffic: number;
    readonly serviceDown: number;
    readonly calleeHealth: number;
    readonly unreachable: number;
    readonly clientFault: number;
    readonly blameChain: number;
    readonly callFanout: number;
    readonly seriesShift: number;
    readonly metricShift: number;
    readonly requestEnd: number;
    /** A rollout whose new pods are clearly worse than its old ones (canary analysis). */
    readonly rollout: number;
    readonly alerted: number;
  };
  /** A change this long before the onset has 1/e of the weight of one at the onset. */
  readonly changeDecayMs: number;
  /** Changes older than this before the onset are not considered. */
  readonly changeLookbackMs: number;
  /** Own anomaly points at which a change on the service counts fully. */
  readonly anomalyForFullChange: number;
  readonly maxHypotheses: number;
  /** How metric shifts count (see metric-shift-rule). */
  readonly metric: {
    /** Weight of a move's size (log2 of its ratio) beside its significance. */
    readonly effectWeight: number;
    /** Fewest baseline samples a series needs to be scored. */
    readonly minBaselinePoints: number;
    /** Most a series not the service's own counts for it: measured on its caller's side (see seen-by-caller), or its node's. */
    readonly callerSideWeight: number;
    /** What the alerted service's move in the alert's own signal counts (the symptom, seen again). */
    readonly symptomWeight: number;
    /** What metric latency and errors count when there are traces (they tell a service's own from its callees'). */
    readonly tracedWeight: number;
    /** What a move of a service's load (its request counts, its busy time) counts for it. */
    readonly loadWeight: number;
  };
};

export const DEFAULT_RANK_OPTIONS: RankOptions = {
  points: {
    originErrors: 40,
    selfLatency: 30,
    errorLogs: 20,
    logPatterns: 15,
    change: 25,
    changeWithoutAnomaly: 1,
    traffic: 20,
    serviceDown: 25,
    calleeHealth: 15,
    unreachable: 20,
    clientFault: 12,
    blameChain: 15,
    callFanout: 15,
    seriesShift: 8,
    metricShift: 4,
    requestEnd: 15,
    rollout: 20,
    alerted: 3,
  },
  changeDecayMs: 10 * 60_000,
  changeLookbackMs: 2 * 60 * 60_000,
  anomalyForFullChange: 12,
  maxHypotheses: 10,
  metric: {
    effectWeight: 0.5,
    minBaselinePoints: 1,
    callerSideWeight: 0.3,
    symptomWeight: 0,
    tracedWeight: 0.25,
    loadWeight: 0.15,
  },
};
