"""A quality gate for CI: `--fail-under "accuracy=0.9,wrongly_declined<=0.05"`.

Syntax: comma-separated items `NAME OP NUMBER` (spaces allowed around the parts).
  NAME  a summary metric name (answer_accuracy, hit@5, latency_p95_ms, ...) or an alias:
        accuracy, correct, abstain, declined, cite_precision, cite_recall, verbatim, f1, p50, p95
  OP    ">=": the metric must be at least NUMBER;  "<=": at most NUMBER;
        "=": the metric's good direction, i.e. at least NUMBER, except at most NUMBER for
        the lower-is-better metrics (wrongly_declined, latency_p50_ms, latency_p95_ms)
  NUMBER a plain decimal, shares in 0..1 ("0.9", not "90%"), latencies in milliseconds

>>> parse_thresholds("accuracy=0.9, wrongly_declined<=0.05")
[Threshold(metric='answer_accuracy', op='>=', value=0.9), Threshold(metric='wrongly_declined', op='<=', value=0.05)]
>>> check_gate({"answer_accuracy": 0.85, "wrongly_declined": 0.0}, parse_thresholds("accuracy=0.9"))
['answer_accuracy = 0.850 is below the required minimum 0.900']

A threshold on a metric the run could not measure (None, or absent) fails: a gate
should not pass by accident. Deliberately not done: no per-category thresholds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import ConfigError
from .metrics import LOWER_IS_BETTER
from .report import format_value

ALIASES = {
    "accuracy": "answer_accuracy", "correct": "answered_correctly", "abstain": "abstain_accuracy", "declined": "wrongly_declined",
    "cite_precision": "citation_precision", "cite_recall": "citation_recall", "verbatim": "quotes_verbatim",
    "f1": "squad_f1", "p50": "latency_p50_ms", "p95": "latency_p95_ms",
}
METRICS = (
    "answer_accuracy", "answered_correctly", "abstain_accuracy", "wrongly_declined", "citation_precision", "citation_recall",
    "quotes_verbatim", "squad_f1", "mrr", "latency_p50_ms", "latency_p95_ms", "retrieve_share", "generate_share",
)
_ITEM = re.compile(r"^\s*([\w@]+)\s*(>=|<=|=)\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*$")


class Threshold(NamedTuple):
    metric: str  # the summary name, aliases resolved
    op: str  # ">=" or "<="
    value: float


def parse_thresholds(spec: str) -> list[Threshold]:
    """Parse the syntax above; ConfigError naming the bad item otherwise."""
    thresholds = []
    for item in filter(str.strip, spec.split(",")):
        match = _ITEM.match(item)
        if not match:
            raise ConfigError(f"bad threshold {item.strip()!r}: expected NAME=NUMBER, NAME>=NUMBER or NAME<=NUMBER")
        name, op, number = match.groups()
        metric = ALIASES.get(name, name)
        if metric not in METRICS and not re.fullmatch(r"hit@\d+", metric):
            known = ", ".join([*METRICS, "hit@K", *ALIASES])
            raise ConfigError(f"unknown metric {name!r} in threshold {item.strip()!r}; known: {known}")
        if op == "=":
            op = "<=" if metric in LOWER_IS_BETTER else ">="
        thresholds.append(Threshold(metric, op, float(number)))
    if not thresholds:
        raise ConfigError("empty threshold list: give e.g. accuracy=0.9,cite_precision=0.9")
    return thresholds


def check_gate(summary: dict, thresholds: list[Threshold]) -> list[str]:
    """One message per threshold the summary misses; an empty list means the gate passes."""
    failures = []
    for metric, op, bound in thresholds:
        value = summary.get(metric)
        if value is None:
            failures.append(f"{metric} was not measured in this run (threshold {op} {bound:g})")
        elif op == ">=" and value < bound:
            failures.append(f"{metric} = {_show(metric, value)} is below the required minimum {_show(metric, bound)}")
        elif op == "<=" and value > bound:
            failures.append(f"{metric} = {_show(metric, value)} is above the allowed maximum {_show(metric, bound)}")
    return failures


def _show(metric: str, value: float) -> str:
    return format_value(metric, float(value))
