"""Pytest plugin recording each pytest-bdd scenario's steps and evidence, and reporting the run.

Records are built where the scenarios run (a worker under pytest-xdist), travel to the
controller in each report's user_properties, and only the controller writes the reports,
in an order that does not depend on which worker finished first, and records.json, from
which merge-reports rebuilds them for several runs (CI shards) together.
"""

from __future__ import annotations

import copy
import functools
import os
import shutil
import time
from collections.abc import Callable, Generator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate, Step
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.utils import registry_get_safe

from harness.report import junit, records
from harness.report.records import ScenarioRecord
from harness.report.results import RunResults
from harness.report.run_data import RunData, write_reports
from harness.report.summary import summary_lines
from harness.targets import TargetCapabilityMissing
from harness.verdicts import LOG

RECORD_KEY = pytest.StashKey[ScenarioRecord]()
REPORTS_KEY = pytest.StashKey[dict[str, pytest.TestReport]]()
STEP_START_KEY = pytest.StashKey[float]()
SCREENSHOT_NAME = "final.png"
TRACE_NAME = "trace.zip"
# A page that hangs must not hold the run for Playwright's default 30 seconds.
SCREENSHOT_TIMEOUT_MS = 10_000
DEFAULT_TARGET = "reference world"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the --reports-dir option and the options choosing which verdicts decide the run."""
    group = parser.getgroup("esante-report", "eSanté conformance report")
    group.addoption(
        "--reports-dir",
        dest="reports_dir",
        default="reports",
        metavar="DIR",
        help="Directory of the HTML report, summary.json and evidence (default: reports).",
    )
    # One destination for both options, so the last one given wins (the command line's own
    # options come after the ones `conformance` adds). pytest itself owns --strict.
    group.addoption(
        "--all-verdicts",
        dest="all_verdicts",
        action="store_true",
        default=None,
        help="Strict: reference behaviour and accessibility count as well as conformance; a "
        "finding fails its step (the default on the reference world, without --base-url).",
    )
    group.addoption(
        "--conformance-only",
        dest="all_verdicts",
        action="store_false",
        default=None,
        help="Only conformance decides the exit code; reference behaviour and accessibility "
        "are reported (the default with --base-url).",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the collector of results on the controller only."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(ReportWriter(config), "esante-report-writer")


def strict_verdicts(config: pytest.Config) -> bool:
    """Tell whether reference behaviour and accessibility count in this run."""
    chosen = config.getoption("all_verdicts", default=None)
    if chosen is not None:
        return bool(chosen)
    # The reference world must pass all three; another portal is judged on the guides alone.
    named = config.getoption("base_url", default=None) or config.getoption("target_profile", default=None)
    return not named


def reports_dir(config: pytest.Config) -> Path:
    """Return the absolute reports directory, relative paths being taken from the invocation dir."""
    return Path(config.invocation_params.dir, config.getoption("reports_dir"))


def shard_label(config: pytest.Config) -> str | None:
    """Return which part of a split run this is ("2/4", from pytest-split's options), if it is one."""
    splits = config.getoption("splits", default=None)
    group = config.getoption("group", default=None)
    return f"{group}/{splits}" if splits and group else None


def scenario_template(item: pytest.Item) -> ScenarioTemplate | None:
    """Return the pytest-bdd scenario an item runs, or None for any other test."""
    if not isinstance(item, pytest.Function):
        return None
    # pytest-bdd registers every test function its scenario decorator makes.
    return registry_get_safe(scenario_wrapper_template_registry, item.obj)


# Where the tests run: build the record and the evidence of each scenario.


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    """Start the test's finding log and its scenario record first, so a setup error names it."""
    # A wrapper runs before every implementation, skip markers and fixtures included.
    item.stash[REPORTS_KEY] = {}
    # Every test, scenario or not, starts with no finding: none leaks from the test before.
    LOG.start(strict=strict_verdicts(item.config))
    template = scenario_template(item)
    if template is not None:
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example", {}) if callspec else {}
        slug = records.slug_for(item.nodeid)
        item.stash[RECORD_KEY] = records.new_record(template.render(example), slug)
        # Evidence left by an earlier run of the same test must not pass for this run's.
        shutil.rmtree(evidence_dir(item.config, slug), ignore_errors=True)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report for the trace, and attach the scenario record to the report."""
    report = yield
    item.stash.setdefault(REPORTS_KEY, {})[report.when] = report
    record = item.stash.get(RECORD_KEY, None)
    if record is not None:
        # Findings made by fixtures, outside any step, are noted with the phase's report.
        records.note_findings(record, LOG.collected(), None)
        if report.when == "call":
            records.settle_interrupted_steps(record, report.outcome)
        # A copy: the report must keep what was true when it was made.
        report.user_properties.append((records.USER_PROPERTY, copy.deepcopy(record)))
    return report


def pytest_bdd_before_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    """Start the record of a scenario run outside a test pytest-bdd generated."""
    item = request.node
    if RECORD_KEY not in item.stash:
        item.stash[RECORD_KEY] = records.new_record(scenario, records.slug_for(item.nodeid))


def pytest_bdd_before_step(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
) -> None:
    """Note the findings made before the step, then mark the step as started and time it."""
    index = records.step_index(scenario, step)
    record = request.node.stash.get(RECORD_KEY, None)
    if record is not None:
        # Whatever was found since the last step (a fixture, say) was found outside the steps.
        records.note_findings(record, LOG.collected(), None)
    if record is not None and index is not None:
        records.start_step(record, index)
    request.node.stash[STEP_START_KEY] = time.perf_counter()


def pytest_bdd_after_step(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
) -> None:
    """Mark the step as passed, with the findings it made."""
    index = records.step_index(scenario, step)
    record = request.node.stash.get(RECORD_KEY, None)
    if record is not None:
        records.note_findings(record, LOG.collected(), _sentence(feature, step))
    if record is not None and index is not None:
        records.finish_step(record, index, records.PASSED, _step_duration(request.node))


def pytest_bdd_step_error(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
    exception: Exception,
) -> None:
    """Mark the step as the failing one and keep its error and the findings it made."""
    index = records.step_index(scenario, step)
    record = request.node.stash.get(RECORD_KEY, None)
    if record is not None:
        # Under strict verdicts the finding is the very error that failed the step.
        records.note_findings(record, LOG.collected(), _sentence(feature, step))
    if record is None or index is None:
        return
    if isinstance(exception, TargetCapabilityMissing):
        # The target lacks what the step needs: the step, and so the scenario, did not run.
        records.finish_step(record, index, records.SKIPPED, _step_duration(request.node))
        return
    records.fail_step(record, index, exception, _step_duration(request.node))


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    exception: Exception,
) -> None:
    """Mark a step without a definition as the failing one."""
    index = records.step_index(scenario, step)
    record = request.node.stash.get(RECORD_KEY, None)
    if record is not None and index is not None:
        records.fail_step(record, index, exception, 0.0)


def pytest_bdd_after_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    """Take the final screenshot of a scenario that drives a page, whatever its outcome."""
    record = request.node.stash.get(RECORD_KEY, None)
    if record is None or "page" not in request.fixturenames:
        return
    target = evidence_dir(request.config, record["slug"]) / SCREENSHOT_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        page = request.getfixturevalue("page")
        page.screenshot(path=target, full_page=True, timeout=SCREENSHOT_TIMEOUT_MS)
    except Exception as error:  # The evidence must never be what fails a scenario.
        record["screenshot_error"] = records.error_text(error)
    else:
        record["screenshot"] = _relative(request.config, target)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(
    fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
) -> Generator[None, object, object]:
    """Trace a scenario's browser context from its creation, keeping the trace if it fails."""
    # Steps ask for `page` while the scenario runs, so whether a scenario drives a browser is
    # only known when pytest-playwright's `context` fixture is set up, not at the test's setup.
    context = yield
    item = request.node
    if fixturedef.argname == "context" and _traces(item) and _start_trace(item, context):
        # Finalizers run last in, first out: this one runs before the context is closed.
        fixturedef.addfinalizer(functools.partial(_stop_trace, item, context))
    return context


def evidence_dir(config: pytest.Config, slug: str) -> Path:
    """Return the folder of one scenario's screenshot and trace."""
    return reports_dir(config) / "scenarios" / slug


def _traces(item: pytest.Item) -> bool:
    """Return whether this plugin traces a test: a scenario, while Playwright does not trace."""
    if not isinstance(item, pytest.Item) or RECORD_KEY not in item.stash:
        return False
    # pytest-playwright's own --tracing would start a second trace on the same context.
    return item.config.getoption("tracing", default="off") in ("off", None)


def _start_trace(item: pytest.Item, context: Any) -> bool:
    """Start tracing a context; a failure is noted in the record, not raised."""
    try:
        # DOM snapshots show each action before and after; the screencast's frames cost a quarter
        # of a scenario's time and add nothing the snapshots and final screenshot do not show.
        context.tracing.start(screenshots=False, snapshots=True, sources=False)
    except Exception as error:  # The evidence must never be what fails a scenario.
        item.stash[RECORD_KEY]["trace_error"] = records.error_text(error)
        return False
    return True


def _stop_trace(item: pytest.Item, context: Any) -> None:
    """Stop tracing, saving the trace only when the test failed."""
    record = item.stash[RECORD_KEY]
    failed = any(report.failed for report in item.stash.get(REPORTS_KEY, {}).values())
    target = evidence_dir(item.config, record["slug"]) / TRACE_NAME
    try:
        if failed:
            target.parent.mkdir(parents=True, exist_ok=True)
            context.tracing.stop(path=target)
            record["trace"] = _relative(item.config, target)
        else:
            context.tracing.stop()
    except Exception as error:  # The evidence must never be what fails a scenario.
        record["trace_error"] = records.error_text(error)


def _sentence(feature: Feature, step: Step) -> str:
    """Return a step as the feature file writes it."""
    return records.step_sentence(records.verbatim_keyword(feature.filename, step), step.name)


def _step_duration(item: pytest.Item) -> float:
    """Return the seconds since the current step started."""
    started = item.stash.get(STEP_START_KEY, None)
    return 0.0 if started is None else time.perf_counter() - started


def _relative(config: pytest.Config, path: Path) -> str:
    """Return a path relative to the reports directory, as the HTML report links it."""
    return path.relative_to(reports_dir(config)).as_posix()


# On the controller: gather the reports and write the report files.


class ReportWriter:
    """Gathers every test report on the controller and writes the report at the end."""

    def __init__(self, config: pytest.Config) -> None:
        """Start with no result."""
        self.config = config
        self.results = RunResults()
        self.started = datetime.now().astimezone()
        self.summary: dict[str, Any] | None = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Take in one report."""
        self.results.add(report)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Set the exit status the verdicts give, then write the reports and records.json."""
        if self.config.option.collectonly:
            return
        data = self.run_data(session)
        # pytest returns session.exitstatus as it is after this hook; the terminal reporter
        # only reads it afterwards to warn about warnings on a passing run.
        session.exitstatus = data.exit_status
        display_dir = str(self.config.getoption("reports_dir"))
        self.summary = write_reports(reports_dir(self.config), display_dir, data)

    def run_data(self, session: pytest.Session) -> RunData:
        """Return what the reports are made from: the results, the target, how the run ended."""
        profile = self.config.getoption("target_profile", default=None)
        target = self.config.getoption("base_url", default=None) or (
            f"profile {profile}" if profile else DEFAULT_TARGET)
        return RunData(
            results=self.results,
            target=str(target),
            faker_seed=getattr(self.config.option, "faker_seed", None),
            strict=strict_verdicts(self.config),
            run_date=self.started.strftime("%Y-%m-%d %H:%M:%S %Z"),
            started=self.started.isoformat(),
            status=int(session.exitstatus),
            failed_reports=session.testsfailed,
            stopped=bool(session.shouldfail or session.shouldstop),
            shard=shard_label(self.config),
        )

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """Put junit.xml's test cases in a fixed order: workers write them as they finish."""
        # pytest's junitxml plugin has written the file at the end of the session, before this.
        xmlpath = getattr(config.option, "xmlpath", None)
        if xmlpath and not config.option.collectonly:
            junit.order_file(Path(os.path.abspath(os.path.expanduser(os.path.expandvars(xmlpath)))))

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        """Print the short summary of the run."""
        if self.summary is None:
            return
        terminalreporter.write_sep("=", "eSanté conformance")
        for line in summary_lines(self.summary):
            terminalreporter.write_line(line)
