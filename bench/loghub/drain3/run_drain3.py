"""Times the Python reference drain3 on the same inputs as bench/loghub/run-speed.ts.

Inputs are text files, one message per line, written by
`node bench/loghub/run-speed.ts --write-inputs .cache/bench`. Each Loghub system goes through
its own TemplateMiner (as the TypeScript miner does); the synthetic stream through one.
Prints lines/second (median of --runs, after one warm-up run) as JSON, and with --labels
writes the cluster id of every Loghub message so score-drain3.ts can compute GA/PA.

drain3 runs in two settings: `default` (TemplateMinerConfig() as shipped: no masking,
sim_th 0.4, depth 4, max_children 100) and `masked` (the same with regex masking of the
classes the TypeScript miner masks, for a like-for-like cost of masking).
"""

import argparse
import json
import logging
import statistics
import time
from pathlib import Path

from drain3 import TemplateMiner
from drain3.masking import MaskingInstruction
from drain3.template_miner_config import TemplateMinerConfig

SYSTEMS = ["Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
           "OpenStack", "Proxifier", "Spark", "Thunderbird", "Zookeeper"]

MASKS = [
    (r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+", "URL"),
    (r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "UUID"),
    (r"[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}", "EMAIL"),
    (r"((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)", "IP"),
    (r"((?<=[^A-Za-z0-9])|^)(0x[a-fA-F0-9]+)((?=[^A-Za-z0-9])|$)", "HEX"),
    (r"((?<=[^A-Za-z0-9])|^)(\d+(\.\d+)?(ns|us|ms|s|m|h|KB|MB|GB|%))((?=[^A-Za-z0-9])|$)", "DURATION"),
    (r"((?<=[^A-Za-z0-9])|^)([\-\+]?\d+(\.\d+)?)((?=[^A-Za-z0-9])|$)", "NUM"),
    (r"(?<==)[^\s,;]+", "VALUE"),
]


def make_config(masked: bool) -> TemplateMinerConfig:
    config = TemplateMinerConfig()
    if masked:
        config.masking_instructions = [MaskingInstruction(p, name) for p, name in MASKS]
    return config


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def run(groups: list[list[str]], masked: bool, runs: int) -> tuple[float, list[float], list[dict]]:
    total = sum(len(g) for g in groups)
    rates: list[float] = []
    miners: list[tuple[TemplateMiner, list[int]]] = []
    for r in range(runs + 1):
        miners = []
        start = time.perf_counter()
        for messages in groups:
            miner = TemplateMiner(config=make_config(masked))
            ids = [miner.add_log_message(m)["cluster_id"] for m in messages]
            miners.append((miner, ids))
        seconds = time.perf_counter() - start
        if r > 0:
            rates.append(total / seconds)
    labels = [
        {"ids": ids, "templates": {c.cluster_id: c.get_template() for c in miner.drain.clusters}}
        for miner, ids in miners
    ]
    return statistics.median(rates), rates, labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", default=".cache/bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--labels", help="write Loghub cluster ids (default setting) to this JSON file")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # drain3 logs every new cluster at INFO
    inputs = Path(args.inputs)
    if not (inputs / "synthetic.txt").exists():
        print(f"no inputs in {inputs}: run `node bench/loghub/run-speed.ts --write-inputs {inputs}` first; skipping")
        return
    results = {}
    loghub = [read_lines(inputs / f"loghub-{s}.txt") for s in SYSTEMS if (inputs / f"loghub-{s}.txt").exists()]
    synthetic = read_lines(inputs / "synthetic.txt")
    label_out = {}
    for masked in (False, True):
        setting = "masked" if masked else "default"
        if len(loghub) == len(SYSTEMS):
            rate, rates, labels = run(loghub, masked, args.runs)
            results[f"loghub/{setting}"] = {"lines": sum(map(len, loghub)), "median": rate, "runs": rates}
            label_out[setting] = dict(zip(SYSTEMS, labels))
        rate, rates, _ = run([synthetic], masked, args.runs)
        results[f"synthetic/{setting}"] = {"lines": len(synthetic), "median": rate, "runs": rates}
    if args.labels and label_out:
        Path(args.labels).write_text(json.dumps(label_out))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
