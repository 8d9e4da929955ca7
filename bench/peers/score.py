"""Scoring shared with `causeway eval` (src/core/eval/rank-of.ts, score-eval.ts), stdlib only:
a ranking counts each component once, in order of first appearance; AC@k is the share of cases
whose truth is at rank <= k (a missing truth is a miss); Avg@5 is the mean of AC@1..AC@5."""

from __future__ import annotations


def rank_of(services: list[str], truth: str) -> int | None:
    seen: list[str] = []
    for s in services:
        if s in seen:
            continue
        seen.append(s)
        if s == truth:
            return len(seen)
    return None


def score(ranks: list[int | None]) -> dict:
    n = len(ranks)

    def ac(k: int) -> float:
        return 0.0 if n == 0 else sum(1 for r in ranks if r is not None and r <= k) / n

    return {"n": n, "ac1": ac(1), "ac3": ac(3), "avg5": sum(ac(k) for k in range(1, 6)) / 5}
