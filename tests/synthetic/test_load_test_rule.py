"""The rule by which the load test picks the concurrency its verdict is taken at."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"
_SPEC = importlib.util.spec_from_file_location("load_test", _SCRIPT)
assert _SPEC is not None and _SPEC.loader is not None
load_test = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(load_test)
saturation = load_test.saturation


def step(connections: int, rps: float, busy: float | None) -> dict[str, float]:
    row = {"connections": connections, "rps": rps}
    if busy is not None:
        row["busy"] = busy
    return row


def test_the_fewest_connections_that_keep_every_core_busy() -> None:
    # Throughput drifting up past the point where the cores are all busy (as measured
    # on a 2-core machine): the extra connections only queue.
    sweep = [
        step(1, 275.8, 0.55),
        step(2, 561.0, 0.87),
        step(4, 604.6, 1.0),
        step(8, 637.2, 1.0),
        step(16, 690.1, 1.0),
        step(32, 658.8, 1.0),
    ]
    assert saturation(sweep, best=690.1) == 4


def test_without_cpu_figures_the_fewest_within_five_percent_of_the_best() -> None:
    sweep = [step(1, 300, None), step(2, 450, None), step(4, 660, None), step(8, 690, None)]
    assert saturation(sweep, best=690) == 4
    sweep = [step(1, 300, 0.5), step(2, 450, 0.8), step(4, 600, 0.9), step(8, 690, 0.9)]
    assert saturation(sweep, best=690) == 8  # never all busy: the throughput decides


def test_cores_busy_with_something_else_do_not_make_a_saturation_point() -> None:
    # Another job keeps the cores busy from the first step: the app's throughput is far
    # from its best there, so the step is not the machine saturated by the app.
    sweep = [
        step(1, 150.0, 1.0),
        step(2, 300.0, 1.0),
        step(4, 560.0, 1.0),
        step(8, 600.0, 1.0),
        step(16, 610.0, 1.0),
    ]
    assert saturation(sweep, best=610.0) == 4
