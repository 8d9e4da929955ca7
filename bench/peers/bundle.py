"""Reads one PetShop incident bundle into the shape the dataset's paper gave its methods.

A bundle (docs/incident-bundle.md) holds `metrics.ndjson` (one Prometheus range-query series per
line), `alert.json`, `truth.json` and `scenario.json`. The peers get, as in the paper:
- a table with one column per (component, metric, statistic), one row per 5-minute period;
- the target: the alerted component (`PetSite`), its metric (latency for `HighLatency`,
  availability for `LowAvailability`) and the statistic `Average`;
- normal rows: the periods before the one holding the dataset's issue time
  (`scenario.json` timeline.onset); abnormal rows: that period up to the alert's;
- the call graph of the bundle's scenario (`graphs/<scenario>.csv` beside the bundles;
  1 at row A, column B means A calls B). The bundles themselves carry no topology.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime

import networkx as nx
import pandas as pd

# metrics.ndjson series name -> (metric, statistic) as the dataset names them.
SERIES = {
    "cloudwatch_latency_average_seconds": ("latency", "Average"),
    "cloudwatch_latency_p50_seconds": ("latency", "p50"),
    "cloudwatch_latency_p90_seconds": ("latency", "p90"),
    "cloudwatch_latency_p95_seconds": ("latency", "p95"),
    "cloudwatch_latency_p99_seconds": ("latency", "p99"),
    "cloudwatch_requests_sum": ("requests", "Sum"),
    "cloudwatch_availability_average_percent": ("availability", "Average"),
}
ALERT_METRIC = {"HighLatency": "latency", "LowAvailability": "availability"}
PERIOD = 300


class BundleError(Exception):
    """A bundle file is missing or malformed; the message names the file and what to do."""


@dataclass
class Case:
    id: str
    scenario: str
    truth_service: str
    truth_kind: str
    target_node: str
    target_metric: str
    target_statistic: str
    normal: pd.DataFrame  # columns MultiIndex (component, metric, statistic), index unix seconds
    abnormal: pd.DataFrame
    alert_row: int  # the alert's period, as a position in `abnormal`
    graph: nx.DiGraph  # call graph: an edge A -> B means A calls B


def _read_json(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise BundleError(f"{path}: missing; every bundle needs it (docs/incident-bundle.md)") from None
    except json.JSONDecodeError as e:
        raise BundleError(f"{path}: line {e.lineno}: not JSON ({e.msg}); rewrite the file") from None


def _read_metrics(path: str) -> pd.DataFrame:
    columns: dict[tuple[str, str, str], dict[int, float]] = {}
    try:
        f = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise BundleError(f"{path}: missing; a PetShop bundle carries its metrics there") from None
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                series = json.loads(line)
                labels = series["metric"]
                metric, stat = SERIES[labels["__name__"]]
                key = (labels["service"], metric, stat)
                columns[key] = {int(t): float(v) for t, v in series["values"]}
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise BundleError(
                    f"{path}: line {n}: not a series of a known CloudWatch metric ({type(e).__name__}: {e});"
                    " expected {\"metric\": {\"__name__\", \"service\"}, \"values\": [[t, \"v\"], ...]}"
                ) from None
    df = pd.DataFrame(columns).sort_index()
    df.columns = pd.MultiIndex.from_tuples(df.columns, names=["component", "metric", "statistic"])
    return df


def _read_graph(path: str) -> nx.DiGraph:
    try:
        adjacency = pd.read_csv(path, index_col=0)
    except FileNotFoundError:
        raise BundleError(f"{path}: missing; the call graphs ship in graphs/ beside the PetShop bundles") from None
    return nx.from_pandas_adjacency(adjacency, create_using=nx.DiGraph)


def _unix(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def load_case(data_dir: str, case_id: str, graphs: dict[str, nx.DiGraph]) -> Case:
    folder = os.path.join(data_dir, case_id)
    alert = _read_json(os.path.join(folder, "alert.json"))
    truth = _read_json(os.path.join(folder, "truth.json"))
    scenario = _read_json(os.path.join(folder, "scenario.json"))
    try:
        labels = alert["alerts"][0]["labels"]
        target_metric = ALERT_METRIC[labels["alertname"]]
        target_node = labels["service"]
        alert_at = _unix(alert["alerts"][0]["startsAt"])
        onset = _unix(scenario["timeline"]["onset"])
        name = scenario["scenario"]
    except (KeyError, IndexError, ValueError) as e:
        raise BundleError(
            f"{folder}: alert.json or scenario.json lacks {e} (need alerts[0].labels.alertname"
            " HighLatency|LowAvailability, .service, .startsAt, and scenario.json timeline.onset, scenario)"
        ) from None
    if name not in graphs:
        graphs[name] = _read_graph(os.path.join(data_dir, "graphs", f"{name}.csv"))
    metrics = _read_metrics(os.path.join(folder, "metrics.ndjson"))
    # A period is normal when it ends by the onset; the one holding the onset is abnormal.
    normal = metrics[metrics.index + PERIOD <= onset]
    abnormal = metrics[(metrics.index + PERIOD > onset) & (metrics.index <= alert_at)]
    positions = [i for i, t in enumerate(abnormal.index) if t <= alert_at < t + PERIOD]
    if normal.empty or not positions:
        raise BundleError(f"{folder}: no period before the onset or none holding the alert time")
    return Case(
        id=case_id,
        scenario=name,
        truth_service=truth["service"],
        truth_kind=truth.get("kind", ""),
        target_node=target_node,
        target_metric=target_metric,
        target_statistic="Average",
        normal=normal,
        abnormal=abnormal,
        alert_row=positions[-1],
        graph=graphs[name],
    )


def case_ids(data_dir: str) -> list[str]:
    return sorted(
        d for d in os.listdir(data_dir) if os.path.isfile(os.path.join(data_dir, d, "truth.json"))
    )
