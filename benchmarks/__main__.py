"""`python -m benchmarks [options] [-- suite args]` and `python -m benchmarks compare A.json B.json`."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import harness_walk, load, raw_walk, suite
from benchmarks.results import RESULTS_DIR, compare, metadata, save, table
from benchmarks.stats import ratio


def _levels(text: str) -> list[int]:
    """A comma-separated list of client counts."""
    levels = [int(part) for part in text.split(",") if part.strip()]
    if not levels or min(levels) < 1:
        raise argparse.ArgumentTypeError("levels are positive client counts, e.g. 1,8,32")
    return levels


def build_parser() -> argparse.ArgumentParser:
    """The options of a benchmark run."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time the suite, the activation walk (harness against raw Playwright) and the portal's "
        "pages under load; print a table and save benchmarks/results/<UTC>-<sha>.json. "
        "Arguments after -- go to ./conformance run. "
        "`python -m benchmarks compare A.json B.json` compares two saved runs.",
    )
    parser.add_argument("--skip-suite", action="store_true",
                        help="do not run ./conformance run (the long part)")
    parser.add_argument("--skip-walk", action="store_true", help="do not time the activation walk")
    parser.add_argument("--skip-load", action="store_true", help="do not load the portal's pages")
    parser.add_argument("-r", "--repetitions", type=int, default=5,
                        help="timed walks on each side; medians are reported (default 5)")
    parser.add_argument("--channel", choices=raw_walk.CHANNELS, default="Mobile",
                        help="the walk's one-time code channel, the scenario's example (default Mobile)")
    parser.add_argument("--levels", type=_levels, default=list(load.DEFAULT_LEVELS),
                        help="concurrent clients per load level (default 1,8,32)")
    parser.add_argument("--load-requests", type=int, default=200,
                        help="at most this many requests per client and level (default 200)")
    parser.add_argument("--load-seconds", type=float, default=5.0,
                        help="at most this long per page and level, in seconds (default 5)")
    parser.add_argument("--page", action="append", dest="pages", metavar="PATH",
                        help=f"a portal page to load, repeatable (default: {', '.join(load.DEFAULT_PAGES)})")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR,
                        help="where the JSON result goes (default benchmarks/results)")
    parser.add_argument("--no-save", action="store_true", help="print only; write no JSON file")
    return parser


def _part(skip: bool, measure: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """One part's figures; a failure is recorded and printed, so that the other parts still run."""
    if skip:
        return {"skipped": True}
    try:
        return measure()
    except Exception as error:
        traceback.print_exc()
        return {"error": f"{type(error).__name__}: {error}"}


def measure_walk(repetitions: int, channel: str) -> dict[str, Any]:
    """Both sides of the activation walk and their ratios, harness over raw (1.25 means 25 % slower)."""
    print(f"Timing the activation walk: raw Playwright and the harness in turn ({repetitions} each)…",
          flush=True)
    raw_runs: list[dict[str, float]] = []
    harness_runs: list[dict[str, float]] = []
    # In turn, not one side after the other: a machine that slows down or speeds up during the
    # measurement (a neighbour's load, CPU frequency) then weighs on both sides alike.
    for _ in range(repetitions):
        raw_runs.extend(raw_walk.timed_walks(1, channel))
        harness_runs.append(harness_walk.one_run(channel))
    raw = raw_walk.summarise(raw_runs, channel)
    harness = harness_walk.summarise(harness_runs, channel)
    return {
        "repetitions": repetitions,
        "raw": raw,
        "harness": harness,
        "ratio_scenario": ratio(harness["median_scenario_s"], raw["median_scenario_s"]),
        "ratio_steps": ratio(harness["median_steps_s"], raw["median_steps_s"]),
    }


def run(argv: list[str]) -> int:
    """Measure the parts asked for, print the table, save the result."""
    split = argv.index("--") if "--" in argv else len(argv)
    ours, suite_args = argv[:split], argv[split + 1 :]
    options = build_parser().parse_args(ours)
    result: dict[str, Any] = {"meta": metadata(argv)}
    result["suite"] = _part(options.skip_suite, lambda: suite.run(suite_args))
    result["walk"] = _part(options.skip_walk, lambda: measure_walk(options.repetitions, options.channel))
    if not options.skip_load:
        print(f"Loading the portal's pages at {options.levels} clients…", flush=True)
    result["load"] = _part(options.skip_load, lambda: load.run(
        options.pages or load.DEFAULT_PAGES, options.levels, options.load_requests, options.load_seconds))
    print()
    print(table(result), end="")
    if not options.no_save:
        print(f"Saved: {save(result, options.results_dir)} (and {options.results_dir / 'latest.json'})")
    failed = any("error" in result[part] for part in ("suite", "walk", "load"))
    return 1 if failed or result["suite"].get("exit_code") else 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch: compare two saved results, or run the benchmarks."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["compare"]:
        if len(args) != 3:
            print("usage: python -m benchmarks compare BEFORE.json AFTER.json", file=sys.stderr)
            return 2
        before, after = (json.loads(Path(name).read_text(encoding="utf-8")) for name in args[1:])
        print(compare(before, after), end="")
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
