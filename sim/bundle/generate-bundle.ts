import { buildAlertBody } from '../alert/build-alert-body.ts';
import { selectAlert } from '../alert/select-alert.ts';
import { emitBackgroundLogs } from '../background/emit-background-logs.ts';
import { createChangeFactory } from '../changes/change-factory.ts';
import { hashString } from '../core/hash-string.ts';
import { isoTime } from '../core/iso-time.ts';
import { createRng } from '../core/rng.ts';
import { buildWorld } from '../engine/build-world.ts';
import { runTraffic } from '../engine/run-traffic.ts';
import { planFault } from '../faults/plan-fault.ts';
import type { Service } from '../model/topology-model.ts';
import { planNoise } from '../noise/plan-noise.ts';
import { drawTopology } from '../topology/draw-topology.ts';
import { applyRollouts } from '../world/apply-rollouts.ts';
import { buildOverloadModel } from '../world/build-overload-model.ts';
import { computeLoad } from '../world/compute-load.ts';
import { drawNodes } from '../world/draw-nodes.ts';
import { initialPods } from '../world/initial-pods.ts';
import type { BundleFiles, BundleRequest } from './bundle-files.ts';
import { calibrateLogVolume } from './calibrate-log-volume.ts';
import { ensurePods } from './ensure-pods.ts';
import { renderChanges } from './render-changes.ts';
import { renderLogs } from './render-logs.ts';
import { renderMetrics } from './render-metrics.ts';
import { renderTraces } from './render-traces.ts';
import { rootPosition } from './root-position.ts';
import { drawScenarioParams } from './scenario-params.ts';

const GENERATOR = 'causeway-sim/1';

/**
 * Generates one incident bundle, deterministically from its seed: topology, baseline
 * traffic, the fault and its ground truth, noise, the alert that fired, and all files.
 */
export function generateBundle(req: BundleRequest): BundleFiles {
  const fixed = createRng(req.seed);
  // A variant (a recurrence) keeps the topology and the fault of its seed; everything else is drawn anew.
  const rng =
    req.variant === undefined ? fixed : createRng(hashString(`causeway-sim-variant:${req.seed}:${req.variant}`));
  let topology = drawTopology(req.topology, fixed.fork('topology'));
  const params = drawScenarioParams(rng.fork('params'), topology);
  const { start, horizon } = params;
  const load = computeLoad(topology, params.entryRps);
  topology = calibrateLogVolume(topology, load, horizon - start, params.logBudget);
  const nodes = drawNodes(rng.fork('nodes'), topology.cluster);
  const pods0 = initialPods(topology, nodes, start, rng.fork('pods'));
  const changes = createChangeFactory(rng.fork('changes'), topology.org, topology.env);
  const byName = new Map(topology.services.map((s) => [s.name, s]));
  const fault = planFault(req.kind, {
    topology,
    pods: pods0,
    load,
    entryRps: params.entryRps,
    onset: params.onset,
    start,
    rng: fixed.fork('fault'),
    changes,
    service: (name) => byName.get(name) as Service,
    ...(req.concurrentRollouts !== undefined ? { concurrentRollouts: req.concurrentRollouts } : {}),
  });
  topology = fault.topology;
  const onset = fault.onset;
  const noise = planNoise({ rng: rng.fork('noise'), topology, pods: pods0, fault, start, onset, horizon, changes });
  const allPods = ensurePods(pods0, topology, nodes, start, rng.fork('extra-pods'));
  const pods = applyRollouts(
    allPods,
    [...fault.rollouts, ...noise.rollouts],
    [...fault.crashes, ...noise.crashes],
    nodes,
    rng.fork('rollouts'),
  );
  const overload = buildOverloadModel(topology, params.entryRps, fault.traffic, start, horizon + 120_000);
  const world = buildWorld({
    topology,
    pods,
    effects: [...fault.effects, ...noise.effects],
    overload: overload.at,
    depLoad: () => 1,
    start,
    rng: rng.fork('traffic'),
    ids: rng.fork('ids'),
  });
  const traffic = runTraffic(world, {
    start: start + 3000,
    end: horizon,
    entryRps: params.entryRps,
    drift: params.drift,
    changes: fault.traffic,
    keepRatio: params.keepRatio,
    slowMs: params.slowMs,
    maxSpansPerSec: params.maxSpansPerSec,
  });
  const alertRng = rng.fork('alert');
  const background = emitBackgroundLogs({
    rng: rng.fork('background'),
    topology,
    pods,
    schedules: [...fault.schedules, ...noise.schedules],
    oneShots: [...fault.oneShots, ...noise.oneShots],
    start,
    end: horizon,
  });
  const { choice, companion } = selectAlert({
    rng: alertRng,
    fault,
    topology,
    metrics: world.metrics,
    logs: [...world.logs, ...background],
    start,
    onset,
    evalMs: params.evalMs,
  });
  const alert = buildAlertBody(alertRng, topology, choice, fault.rootAlert, companion);
  const asOf = Math.min(choice.firedAt, companion?.firedAt ?? Number.POSITIVE_INFINITY);
  const end = asOf + params.postAlertMs;
  const logs = renderLogs(
    [...world.logs, ...background],
    topology,
    pods,
    start,
    end,
    params.logRatePerSec,
    rng.fork('render-logs'),
  );
  const traces = renderTraces(traffic.kept, topology, pods, end, rng.fork('render-traces'));
  const metrics = renderMetrics({
    topology,
    pods,
    metrics: world.metrics,
    strains: fault.strains ?? [],
    start,
    end,
    rng: rng.fork('render-metrics'),
  });
  const iso = (ms: number) => isoTime(ms);
  const truth = {
    service: fault.root,
    kind: fault.kind,
    ...(fault.changeId && (fault.kind === 'deploy' || fault.kind === 'config') ? { changeId: fault.changeId } : {}),
    note: fault.note,
  };
  const scenario = {
    id: req.id,
    title: fault.title,
    generator: GENERATOR,
    seed: req.seed,
    kind: fault.kind,
    manifestation: fault.manifestation,
    topology: {
      family: topology.family,
      title: topology.title,
      org: topology.org,
      environment: topology.env,
      cluster: topology.cluster,
      services: topology.services.length,
      dependencies: topology.deps.length,
      maxDepth: topology.maxDepth,
    },
    timeline: { baselineStart: iso(start), onset: iso(onset), alertStartsAt: iso(asOf), end: iso(end) },
    root: { service: fault.root, isDependency: fault.rootIsDependency, ...rootPosition(topology, fault.root) },
    alert: {
      alertname: alert.alertname,
      service: choice.service,
      signal: choice.signal,
      labelKey: alert.labelKey,
      forced: choice.forced,
      alsoFiring: (alert.json.alerts as unknown[]).length > 1 && companion ? [companion.service] : [],
    },
    noise: noise.summary,
    services: topology.services.map((s) => ({
      name: s.name,
      lang: s.lang,
      framework: s.framework,
      role: s.role,
      traced: s.traced,
      logged: s.logged,
      clockSkewMs: s.clockSkewMs,
    })),
    dependencies: topology.deps.map((d) => ({
      name: d.name,
      system: d.system,
      address: d.address,
      peerService: d.peerService ?? null,
    })),
    stats: {
      requests: traffic.requests,
      traces: traffic.traces,
      keptTraces: traces.traces,
      spans: traces.spans,
      logLines: logs.lines,
      metricSeries: metrics.series,
    },
  };
  return {
    'alert.json': `${JSON.stringify(alert.json)}\n`,
    'logs.ndjson': logs.text,
    'traces.ndjson': traces.text,
    'metrics.ndjson': metrics.text,
    'changes.json': renderChanges([...fault.changes, ...noise.changes], topology.env, alertRng.chance(0.3), end),
    'truth.json': `${JSON.stringify(truth, null, 2)}\n`,
    'scenario.json': `${JSON.stringify(scenario, null, 2)}\n`,
  };
}
