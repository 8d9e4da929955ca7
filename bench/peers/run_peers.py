"""Runs the peer RCA methods (PyRCA, DoWhy) on the PetShop incident bundles and scores them
the way `causeway eval` does (src/core/eval/score-eval.ts, rank-of.ts): a ranking counts each
component once, in order of first appearance; AC@k = share of cases whose truth is at rank <= k;
Avg@5 = mean of AC@1..AC@5. A timeout, an error or an empty answer is a miss.

    python bench/peers/run_peers.py [--data DIR] [--methods a,b] [--timeout S] [--json FILE]

DIR defaults to $PETSHOP_DIR, else ../shared/data/petshop beside the repository; when it is
absent the script prints "skipped: data absent" and exits 0. Nothing is copied anywhere.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from score import rank_of, score  # noqa: E402

METHOD_NAMES = "epsilon_diagnosis,rht,circa,random_walk,rcd,dowhy_attribution,anomaly_traversal"


def _child(method, case, conn):
    try:
        found = method(case)
        conn.send(("ok", [(str(name), None if s is None else float(s)) for name, s in found]))
    except Exception:  # a peer's failure is a result to report, not a crash of the run
        conn.send(("error", traceback.format_exc(limit=3).strip().splitlines()[-1]))
    finally:
        conn.close()


def run_bounded(method, case, timeout: float):
    """Runs one method on one case in a forked child; kills it after `timeout` seconds."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(method, case, child))
    start = time.monotonic()
    proc.start()
    child.close()
    outcome = ("timeout", f"over {timeout:g} s")
    if parent.poll(timeout):
        try:
            outcome = parent.recv()
        except EOFError:
            outcome = ("error", f"child exited with code {proc.exitcode}")
    proc.join(1)
    if proc.is_alive():
        proc.kill()
        proc.join()
    return outcome, time.monotonic() - start


def default_data_dir() -> str:
    return os.environ.get("PETSHOP_DIR") or os.path.normpath(os.path.join(HERE, "../../../shared/data/petshop"))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Peer RCA methods on the PetShop bundles, scored like causeway eval.")
    p.add_argument("--data", default=default_data_dir(), help="folder of PetShop bundles (default: ../shared/data/petshop)")
    p.add_argument("--methods", default=METHOD_NAMES, help=f"comma-separated subset of {METHOD_NAMES}")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per method per case (default 120)")
    p.add_argument("--json", help="write per-case results and the summary to this file")
    p.add_argument("--limit", type=int, help="only the first N cases (for a quick look)")
    args = p.parse_args(argv)

    if not os.path.isdir(args.data):
        print(f"skipped: data absent ({args.data} is not a folder)")
        return 0
    # pandas, PyRCA and DoWhy live in the venv; they are loaded only when there is data to run on.
    from bundle import BundleError, case_ids, load_case
    from methods import METHODS

    names = [m for m in args.methods.split(",") if m]
    unknown = [m for m in names if m not in METHODS]
    if unknown:
        print(f"--methods: unknown {', '.join(unknown)}; choose from {', '.join(METHODS)}", file=sys.stderr)
        return 2
    ids = case_ids(args.data)[: args.limit]
    if not ids:
        print(f"skipped: data absent (no bundle with truth.json in {args.data})")
        return 0

    graphs: dict = {}
    cases = []
    for case_id in ids:
        try:
            cases.append(load_case(args.data, case_id, graphs))
        except BundleError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1

    started = time.monotonic()
    results = {m: [] for m in names}
    for case in cases:
        for m in names:
            (state, payload), secs = run_bounded(METHODS[m], case, args.timeout)
            ranking = [name for name, _ in payload] if state == "ok" else []
            results[m].append(
                {
                    "id": case.id,
                    "truth": case.truth_service,
                    "state": state if state != "ok" or ranking else "empty",
                    "rank": rank_of(ranking, case.truth_service),
                    "top": ranking[:5],
                    "seconds": round(secs, 2),
                    **({"detail": payload} if state != "ok" else {}),
                }
            )
        print(f"{case.id}: " + "  ".join(f"{m}={results[m][-1]['rank'] or '-'}" for m in names), file=sys.stderr)
    wall = time.monotonic() - started

    summary = {}
    print(f"{'method':<20} {'n':>3} {'AC@1':>6} {'AC@3':>6} {'Avg@5':>6} {'timeouts':>8} {'errors':>6} {'empty':>5} {'s/case':>7}")
    for m in names:
        rows = results[m]
        s = score([r["rank"] for r in rows])
        s.update(
            timeouts=sum(r["state"] == "timeout" for r in rows),
            errors=sum(r["state"] == "error" for r in rows),
            empty=sum(r["state"] == "empty" for r in rows),
            secondsPerCase=round(sum(r["seconds"] for r in rows) / max(1, len(rows)), 2),
        )
        summary[m] = s
        print(
            f"{m:<20} {s['n']:>3} {s['ac1']:>6.3f} {s['ac3']:>6.3f} {s['avg5']:>6.3f} {s['timeouts']:>8} {s['errors']:>6}"
            f" {s['empty']:>5} {s['secondsPerCase']:>7.2f}"
        )
    print(f"wall {wall:.0f} s over {len(cases)} cases, timeout {args.timeout:g} s per method per case")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"wallSeconds": round(wall, 1), "timeout": args.timeout, "summary": summary, "cases": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
