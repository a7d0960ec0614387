"""A run split into shards (--shard K/N) and merged gives the reports of the unsplit run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from harness_process import run_module
from report_sessions import InnerRun, without_durations

from harness import cli

pytest_plugins = ["pytester"]


def shard_run(run_inner: Callable[..., InnerRun], shard: str, *options: str) -> InnerRun:
    """Run one shard of the account scenarios with the options `conformance --shard` gives."""
    split, _ = cli.shard_options(["--shard", shard])
    name = f"shard-{shard.replace('/', '-of-')}"
    return run_inner(*split, f"--junitxml={name}/junit.xml", *options, reports_dir=name)


@pytest.mark.usefixtures("account_scenarios")
def test_shards_merged_give_the_reports_of_the_whole_run(
    run_inner: Callable[..., InnerRun], tmp_path: Path
):
    whole = run_inner("--junitxml=whole/junit.xml", reports_dir="whole")
    first = shard_run(run_inner, "1/2")
    # pytest-split selects in every worker alike, and xdist runs the selection in parallel.
    second = shard_run(run_inner, "2/2", "-n", "2")
    merged_dir = tmp_path / "merged"

    merged = run_module("harness", "merge-reports", str(first.reports_dir), str(second.reports_dir),
                        "--out", str(merged_dir))

    assert set(first.nodeids).isdisjoint(second.nodeids)
    assert sorted(first.nodeids + second.nodeids) == sorted(whole.nodeids)
    assert first.nodeids and second.nodeids
    assert first.records["shard"] == "1/2" and second.records["shard"] == "2/2"
    assert merged.returncode == whole.result.ret == 1, merged.stderr
    assert "Scenarios: 1 passed, 2 failed, 1 not run" in merged.stdout
    result = InnerRun(whole.result, merged_dir)
    assert {**result.summary, "report": None} == {**whole.summary, "report": None}
    assert without_durations(result.cucumber) == without_durations(whole.cucumber)
    assert result.nodeids == whole.nodeids
    assert result.junit_cases == whole.junit_cases
    assert result.junit_counts == whole.junit_counts
    assert "Le compte &lt;script&gt;alert(1)&lt;/script&gt; est refusé" in result.html
