"""A benchmark run's metadata, its headline figures, the printed table, the saved file and comparisons."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
LATEST = "latest.json"
SCHEMA = 1
PACKAGES = ("playwright", "pytest", "pytest-bdd", "pytest-playwright", "bottle", "cheroot")


# Metadata ---------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    """A git command's output in the repository, or "" when git cannot say."""
    try:
        done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _cpu_model() -> str | None:
    """The processor's model name, where /proc/cpuinfo gives it."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else None


def _version(package: str) -> str | None:
    """An installed package's version, or None."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def metadata(argv: list[str]) -> dict[str, Any]:
    """Where and when the figures were taken: commit, machine, load, versions."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "schema": SCHEMA,
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_sha": _git("rev-parse", "--short", "HEAD") or "nogit",
        # Figures from a tree with uncommitted changes belong to no commit exactly.
        "git_dirty": bool(_git("status", "--porcelain")),
        "machine": platform.node(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "load_average_at_start": list(load) if load else None,
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "argv": argv,
    }


# Headline figures -------------------------------------------------------------------------------


def headline(result: dict[str, Any]) -> dict[str, float | None]:
    """The figures worth comparing across runs, by a flat dotted name."""
    figures: dict[str, float | None] = {}
    suite = result.get("suite") or {}
    if "wall_s" in suite:
        scenarios = suite.get("scenarios") or {}
        figures |= {"suite.wall_s": suite["wall_s"], "suite.scenario_p50_s": scenarios.get("p50_s"),
                    "suite.scenario_p95_s": scenarios.get("p95_s")}
    walk = result.get("walk") or {}
    if "raw" in walk:
        for side in ("raw", "harness"):
            for part in ("scenario", "steps"):
                figures[f"walk.{side}_{part}_s"] = walk[side][f"median_{part}_s"]
        figures |= {"walk.ratio_scenario": walk["ratio_scenario"], "walk.ratio_steps": walk["ratio_steps"]}
    load = result.get("load") or {}
    for name, page in [("bare", load.get("bare")), *(load.get("pages") or {}).items()]:
        for level in (page or {}).get("levels", []):
            prefix = f"load.{name}.c{level['clients']}"
            for key in ("p50_ms", "p99_ms", "rps", "rps_ratio_to_bare"):
                if key in level:
                    figures[f"{prefix}.{key}"] = level[key]
    return figures


# The printed table ------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 2) -> str:
    """A figure for the table, or a dash."""
    return "—" if value is None else f"{value:.{digits}f}"


def _suite_lines(suite: dict[str, Any]) -> list[str]:
    """The suite's wall time and its scenarios' percentiles."""
    if suite.get("skipped"):
        return ["Suite: skipped (--skip-suite)"]
    if "error" in suite:
        return [f"Suite: error: {suite['error']}"]
    command = " ".join(suite["command"])
    lines = [f"Suite: {command}   wall {_num(suite['wall_s'], 1)} s   exit {suite['exit_code']}"]
    s = suite.get("scenarios")
    if s:
        lines.append(f"  scenarios: {s['passed']} passed, {s['failed']} failed, {s['skipped']} skipped;"
                     f" JUnit time per passed scenario p50 {_num(s['p50_s'])} s, p95 {_num(s['p95_s'])} s,"
                     f" max {_num(s['max_s'])} s")
    return lines


def _walk_lines(walk: dict[str, Any]) -> list[str]:
    """The raw walk against the harness's scenario, phase by phase."""
    if walk.get("skipped"):
        return ["Activation walk: skipped (--skip-walk)"]
    if "error" in walk:
        return [f"Activation walk: error: {walk['error']}"]
    raw, harness = walk["raw"], walk["harness"]
    rows = [
        ("scenario: context → closed", raw["median_scenario_s"], harness["median_scenario_s"],
         walk["ratio_scenario"]),
        ("steps: persona → confirmed", raw["median_steps_s"], harness["median_steps_s"], walk["ratio_steps"]),
        ("walk: goto → confirmed", raw["median_walk_s"], None, None),
        ("pytest process, start to exit", None, harness["median_process_s"], None),
    ]
    lines = [f"Activation walk: « {harness['scenario']} », median of {walk['repetitions']} (seconds)",
             f"  {'':32}{'raw':>9}{'harness':>10}{'harness/raw':>13}"]
    lines += [f"  {label:32}{_num(r):>9}{_num(h):>10}{_num(q):>13}" for label, r, h, q in rows]
    return lines


def _load_lines(load: dict[str, Any]) -> list[str]:
    """Latency and throughput per page and level, with the ratio to the bare app."""
    if load.get("skipped"):
        return ["Page load: skipped (--skip-load)"]
    if "error" in load:
        return [f"Page load: error: {load['error']}"]
    lines = [f"Page load: loopback, keep-alive clients; at most {load['requests_per_client']} requests"
             f" per client and {_num(load['max_seconds_per_level'], 0)} s per level",
             f"  {'page':24}{'clients':>8}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p99 ms':>9}"
             f"{'rps':>9}{'rps/bare':>10}"]
    pages = [("bare Bottle /", load["bare"]), *load["pages"].items()]
    for name, page in pages:
        for level in page["levels"]:
            lines.append(f"  {name:24}{level['clients']:>8}{level['requests']:>9}{level['errors']:>7}"
                         f"{_num(level['p50_ms']):>9}{_num(level['p99_ms']):>9}{_num(level['rps'], 0):>9}"
                         f"{_num(level.get('rps_ratio_to_bare')):>10}")
    return lines


def table(result: dict[str, Any]) -> str:
    """The whole run as readable text."""
    meta = result["meta"]
    dirty = " (uncommitted changes)" if meta["git_dirty"] else ""
    lines = [f"eSanté benchmarks — {meta['date_utc']}, {meta['git_sha']}{dirty}, {meta['machine']},"
             f" {meta['cpu_count']} CPUs, load {_num((meta['load_average_at_start'] or [None])[0])}", ""]
    for part in (_suite_lines(result["suite"]), _walk_lines(result["walk"]), _load_lines(result["load"])):
        lines += [*part, ""]
    return "\n".join(lines).rstrip() + "\n"


# Saving and comparing ---------------------------------------------------------------------------


def save(result: dict[str, Any], directory: Path = RESULTS_DIR) -> Path:
    """Write the run as <UTC timestamp>-<sha>.json and copy it to latest.json; return its path."""
    meta = result["meta"]
    stamp = dt.datetime.fromisoformat(meta["date_utc"]).strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stamp}-{meta['git_sha']}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copyfile(path, directory / LATEST)
    return path


def compare(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Two runs' headline figures side by side, with after/before."""
    a, b = headline(before), headline(after)
    names = list(dict.fromkeys([*a, *b]))
    width = max((len(name) for name in names), default=10) + 2
    header = [f"{label}: {run['meta']['date_utc']} {run['meta']['git_sha']} on {run['meta']['machine']}"
              for label, run in (("before", before), ("after ", after))]
    header.append(f"{'figure':{width}}{'before':>12}{'after':>12}{'after/before':>14}")
    rows = []
    for name in names:
        old, new = a.get(name), b.get(name)
        change = new / old if old and new is not None else None
        rows.append(f"{name:{width}}{_num(old, 3):>12}{_num(new, 3):>12}{_num(change, 3):>14}")
    return "\n".join(header + rows) + "\n"
