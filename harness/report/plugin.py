"""Pytest plugin recording each pytest-bdd scenario's steps and evidence, and reporting the run.

Records are built where the scenarios run (a worker under pytest-xdist), travel to the
controller in each report's user_properties, and only the controller writes the reports,
in an order that does not depend on which worker finished first, and records.json, from
which merge-reports rebuilds them for several runs (CI shards) together.
"""

from __future__ import annotations

import contextlib
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
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate, Step
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.utils import registry_get_safe

from harness import axe
from harness.browser import VideoUnavailable, records_video, video_encoder_missing
from harness.deviations import Deviations, DeviationsError
from harness.deviations import load as load_deviations
from harness.environment import MissingVariable
from harness.profiles import ProfileError, load_profile
from harness.report import allure_evidence, junit, records
from harness.report.records import ScenarioRecord
from harness.report.requirements_matrix import CSV_FILE, JSON_FILE
from harness.report.results import RunResults, scenario_record
from harness.report.run_data import RUN_DATA_FILE, RunData, write_reports
from harness.report.summary import summary_lines
from harness.requirements import REPO_ROOT, load_catalogue
from harness.targets import TargetCapabilityMissing
from harness.verdicts import AXE_FAIL, AXE_FINDINGS_EXIT, AXE_REPORT, LOG

RECORD_KEY = pytest.StashKey[ScenarioRecord]()
REPORTS_KEY = pytest.StashKey[dict[str, pytest.TestReport]]()
STEP_START_KEY = pytest.StashKey[float]()
# Set once a step screenshot timed out: the scenario's later steps take none.
STEP_SCREENSHOTS_OFF_KEY = pytest.StashKey[bool]()
# The accessibility profile's findings a scenario has already reported: page, rule and node.
AXE_SEEN_KEY = pytest.StashKey[set[tuple[str, str, str]]]()
SCREENSHOT_NAME = "final.png"
TRACE_NAME = "trace.zip"
# Where a failed attempt's final screenshot and trace go when pytest-rerunfailures runs it again.
ATTEMPT_DIR = "attempt-{}"
# A page that hangs must not hold the run for Playwright's default 30 seconds.
SCREENSHOT_TIMEOUT_MS = 10_000
STEP_SCREENSHOT_NAME = "step-{:02d}.png"
# Shorter than the final screenshot's: a page that hangs would otherwise be waited for at every step.
STEP_SCREENSHOT_TIMEOUT_MS = 5_000
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
        help="Strict: reference behaviour, accessibility and security count as well as conformance; "
        "a finding fails its step (the default on the reference world, without --base-url).",
    )
    group.addoption(
        "--conformance-only",
        dest="all_verdicts",
        action="store_false",
        default=None,
        help="Only conformance decides the exit code; reference behaviour, accessibility and "
        "security are reported (the default with --base-url).",
    )
    group.addoption(
        "--count-security",
        dest="count_security",
        action="store_true",
        default=False,
        help="Security scenarios (@securite) decide the exit code too, without --strict: a portal "
        "judged on the guides alone must still pass OWASP ASVS.",
    )


@pytest.hookimpl(specname="pytest_addoption")
def pytest_addoption_axe(parser: pytest.Parser) -> None:
    """Add --axe and --axe-fail, the accessibility profile."""
    group = parser.getgroup("esante-report", "eSanté conformance report")
    group.addoption(
        "--axe",
        dest="axe",
        action="store_const",
        const=AXE_REPORT,
        default=None,
        help="Accessibility profile: run axe-core (WCAG 2.1 A and AA) on the page after every step, "
        "on any target, and report its violations as accessibility advisories; they fail no step.",
    )
    group.addoption(
        "--axe-fail",
        dest="axe",
        action="store_const",
        const=AXE_FAIL,
        help=f"As --axe, and a run that passes otherwise exits with {AXE_FINDINGS_EXIT} when axe-core "
        "found anything (so does a strict run with --axe).",
    )


def axe_mode(config: pytest.Config) -> str | None:
    """Return the accessibility profile's mode ("report" or "fail"), or None when it is off."""
    return config.getoption("axe", default=None)


@pytest.hookimpl(specname="pytest_addoption")
def pytest_addoption_step_screenshots(parser: pytest.Parser) -> None:
    """Add --step-screenshots, --no-step-screenshots and --no-traces."""
    group = parser.getgroup("esante-report", "eSanté conformance report")
    group.addoption(
        "--step-screenshots",
        dest="step_screenshots",
        action="store_true",
        default=True,
        help="Keep a screenshot of the page after every step, embedded in cucumber.json (the default).",
    )
    group.addoption(
        "--no-step-screenshots",
        dest="step_screenshots",
        action="store_false",
        default=True,
        help="Take no screenshot after each step, only each scenario's final one: faster runs "
        "and a much smaller cucumber.json.",
    )
    group.addoption(
        "--no-traces",
        dest="traces",
        action="store_false",
        default=True,
        help="Keep no Playwright trace of a failed scenario (its final screenshot and error stay): "
        "tracing every scenario to keep the failures' traces costs about a seventh of a run's CPU.",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the collector of results on the controller only."""
    if config.getoption("cucumber_json_path", default=None) and config.getoption("reruns", default=0):
        # pytest-bdd's own writer stops the run on the first rerun report (ValueError: Unknown
        # test outcome rerun); this plugin's cucumber.json reports retries.
        raise pytest.UsageError("--cucumberjson cannot be used with --reruns: use the cucumber.json "
                                "the report plugin writes in --reports-dir")
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(ReportWriter(config), "esante-report-writer")


def strict_verdicts(config: pytest.Config) -> bool:
    """Tell whether reference behaviour, accessibility and security count in this run."""
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
    previous = item.stash.get(RECORD_KEY, None)
    item.stash[REPORTS_KEY] = {}
    # Every test, scenario or not, starts with no finding: none leaks from the test before.
    LOG.start(strict=strict_verdicts(item.config))
    template = scenario_template(item)
    if template is not None:
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example", {}) if callspec else {}
        slug = records.slug_for(item.nodeid)
        item.stash[RECORD_KEY] = records.new_record(template.render(example), slug)
        # junit.xml tells an outline's runs apart by their example's values.
        item.stash[RECORD_KEY][junit.EXAMPLE] = {str(key): str(value) for key, value in example.items()}
        attempt = _attempt_number(item)
        if attempt > 1 and previous is not None:
            # pytest-rerunfailures runs the test again: the failed attempt's evidence is kept aside.
            item.stash[RECORD_KEY]["attempts"] = [
                *previous.get("attempts", []), _keep_attempt(item.config, previous, attempt - 1)]
        else:
            # Evidence left by an earlier run of the same test must not pass for this run's.
            shutil.rmtree(evidence_dir(item.config, slug), ignore_errors=True)
    return (yield)


def _attempt_number(item: pytest.Item) -> int:
    """Return which attempt at the test this is: pytest-rerunfailures counts them from 1."""
    return int(getattr(item, "execution_count", 1) or 1)


def _keep_attempt(config: pytest.Config, record: ScenarioRecord, number: int) -> records.AttemptRecord:
    """Move a failed attempt's evidence into attempt-N/ and return what it left."""
    folder = evidence_dir(config, record["slug"])
    target = folder / ATTEMPT_DIR.format(number)
    kept: dict[str, str | None] = {"screenshot": None, "trace": None}
    for key, name in (("screenshot", SCREENSHOT_NAME), ("trace", TRACE_NAME)):
        if not (folder / name).is_file():
            continue
        try:
            target.mkdir(parents=True, exist_ok=True)
            shutil.move(folder / name, target / name)
        except OSError:  # The evidence must never be what fails a scenario.
            continue
        kept[key] = _relative(config, target / name)
    # The step screenshots are taken again by the next attempt: the failed attempt's go too.
    for step in folder.glob(STEP_SCREENSHOT_NAME.replace("{:02d}", "*")):
        step.unlink(missing_ok=True)
    return {"attempt": number, "failing_step": record["failing_step"], "error": record["error"], **kept}


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


# pytest-playwright's --video: the user property naming each video it kept, relative to the
# directory pytest was started from.
VIDEO_PROPERTY = "playwright_video"


@pytest.hookimpl(specname="pytest_configure")
def pytest_configure_video(config: pytest.Config) -> None:
    """Refuse --video before any scenario runs when Playwright has no ffmpeg to record with."""
    # Otherwise every scenario fails on the missing encoder, as if the portal had failed it.
    wanted = records_video(config.getoption("video", default=None))
    if not wanted or hasattr(config, "workerinput") or config.getoption("connect", default=None):
        return
    if runs_tests(config) and video_encoder_missing():
        raise pytest.UsageError(str(VideoUnavailable("Playwright has no ffmpeg to record videos with.")))


@pytest.hookimpl(specname="pytest_runtest_makereport", wrapper=True, tryfirst=True)
def pytest_runtest_makereport_videos(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Move a scenario's videos into its evidence folder, where report.html links them."""
    # The outermost wrapper (tryfirst): pytest-playwright has kept the videos, and the record is
    # attached to the report, by the time the report comes back here.
    report = yield
    if report.when == "teardown" and RECORD_KEY in item.stash:
        _move_videos(item, report)
    return report


def _move_videos(item: pytest.Item, report: pytest.TestReport) -> None:
    """Move the videos a teardown report names into the scenario's folder, and name them in its record."""
    start = Path(item.config.invocation_params.dir)
    moved = []
    for index, (name, value) in enumerate(report.user_properties):
        target = _move_video(item, start / str(value)) if name == VIDEO_PROPERTY else None
        if target is None:
            continue
        # Named as pytest-playwright names it: from where pytest was started, if it is inside.
        shown = target.relative_to(start) if target.is_relative_to(start) else target
        report.user_properties[index] = (name, str(shown))
        moved.append(_relative(item.config, target))
    # The record attached to the report is a copy made before: both name the videos.
    for kept in (item.stash[RECORD_KEY], scenario_record(report)):
        if moved and kept is not None:
            kept["videos"] = moved


def _move_video(item: pytest.Item, source: Path) -> Path | None:
    """Move one video into the scenario's evidence folder and return where, or None if it stays put."""
    target = evidence_dir(item.config, item.stash[RECORD_KEY]["slug"]) / source.name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
    except OSError:  # The evidence must never be what fails a scenario.
        return None
    with contextlib.suppress(OSError):
        # pytest-playwright's folder for the test, unless it keeps screenshots or traces there.
        source.parent.rmdir()
    return target


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


# Step screenshots: hook implementations of their own (pluggy's specname), apart from those that keep
# the records, so that they run after them (trylast) and stay out of the steps' durations.


@pytest.hookimpl(specname="pytest_bdd_after_step", trylast=True)
def pytest_bdd_after_step_screenshot(
    request: pytest.FixtureRequest, scenario: Scenario, step: Step
) -> None:
    """Take the page's screenshot after a step passed, once the step's record is finished."""
    _screenshot_step(request, scenario, step)


@pytest.hookimpl(specname="pytest_bdd_step_error", trylast=True)
def pytest_bdd_step_error_screenshot(
    request: pytest.FixtureRequest, scenario: Scenario, step: Step
) -> None:
    """Take the page's screenshot after a step failed, once the step's record is finished."""
    _screenshot_step(request, scenario, step)


# The accessibility profile (--axe): axe-core on the page each step leaves.


@pytest.hookimpl(specname="pytest_bdd_after_step", trylast=True)
def pytest_bdd_after_step_axe(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario, step: Step
) -> None:
    """Run axe-core on the page a passed step left, under --axe."""
    _scan_step(request, feature, step)


@pytest.hookimpl(specname="pytest_bdd_step_error", trylast=True)
def pytest_bdd_step_error_axe(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario, step: Step
) -> None:
    """Run axe-core on the page a failed step left, under --axe."""
    _scan_step(request, feature, step)


def _scan_step(request: pytest.FixtureRequest, feature: Feature, step: Step) -> None:
    """Keep axe-core's new findings on the scenario's pages as the step's advisories; they fail nothing."""
    record = request.node.stash.get(RECORD_KEY, None)
    # As for screenshots: only a step of a scenario that asked for the page drove one.
    if record is None or axe_mode(request.config) is None or "page" not in request.fixturenames:
        return
    seen = request.node.stash.setdefault(AXE_SEEN_KEY, set())
    for page in _scenario_pages(request.getfixturevalue("page")):
        # A Given that prepared data without opening a page leaves the browser's blank one.
        if not axe.scannable(page.url):
            continue
        try:
            found = axe.findings_of(_axe_results(page), page.url)
        except Exception as error:  # The profile must never be what fails a scenario.
            record["axe_error"] = records.error_text(error)
            continue
        # How many page states were scanned: a run with no finding must show it looked.
        record["axe_scans"] = record.get("axe_scans", 0) + 1
        for finding in found:
            assert finding.axe is not None  # The profile's findings always carry axe's details.
            # The same violation on the same page, seen again after a later step, is reported once.
            key = (axe.page_key(finding.page or ""), finding.axe.rule, finding.axe.target)
            if key not in seen:
                seen.add(key)
                LOG.keep(finding)
    records.note_findings(record, LOG.collected(), _sentence(feature, step))


def _scenario_pages(page: Page) -> list[Page]:
    """The scenario's page, then the pages of the other sessions it opened (another person's browser)."""
    # Each scenario has contexts of its own, closed at its end: the browser's other contexts are
    # its other sessions. Popups of the page's own context (a downloaded PDF) are not scanned.
    browser = page.context.browser
    others = [context for context in (browser.contexts if browser else []) if context is not page.context]
    return [page, *(other for context in others for other in context.pages)]


def _axe_results(page: Page) -> dict[str, Any]:
    """Run axe-core on the page, once more after the load if a navigation was under way."""
    try:
        return axe.run_axe(page)
    except PlaywrightTimeoutError:
        raise
    except PlaywrightError:
        # A step ending on a click that navigates destroys the document axe was evaluated in.
        page.wait_for_load_state("load", timeout=STEP_SCREENSHOT_TIMEOUT_MS)
        return axe.run_axe(page)


def _screenshot_step(request: pytest.FixtureRequest, scenario: Scenario, step: Step) -> None:
    """Keep a screenshot of the viewport in the step's record, for a scenario that drives a page."""
    record = request.node.stash.get(RECORD_KEY, None)
    index = records.step_index(scenario, step)
    # "page" is among the fixture names once a step has asked for it: no page is opened for this.
    if record is None or index is None or "page" not in request.fixturenames:
        return
    wanted = request.config.getoption("step_screenshots", default=True)
    if not wanted or STEP_SCREENSHOTS_OFF_KEY in request.node.stash:
        return
    target = evidence_dir(request.config, record["slug"]) / STEP_SCREENSHOT_NAME.format(index + 1)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _viewport_screenshot(request.getfixturevalue("page"), target)
    except Exception as error:  # The evidence must never be what fails a scenario.
        if isinstance(error, PlaywrightTimeoutError):
            # A page that did not paint in time would be waited for again at every step.
            request.node.stash[STEP_SCREENSHOTS_OFF_KEY] = True
        records.note_step_screenshot(record, index, error=records.error_text(error))
    else:
        records.note_step_screenshot(record, index, path=_relative(request.config, target))
        step_record = record["steps"][index]
        allure_evidence.attach(request.config, target, f"{target.name}: "
                               f"{records.step_sentence(step_record['keyword'], step_record['text'])}",
                               allure_evidence.PNG)


def _viewport_screenshot(page: Page, target: Path) -> None:
    """Save the viewport as PNG at CSS scale, once more after the load if a navigation was under way."""
    options: dict[str, Any] = {"type": "png", "scale": "css", "animations": "disabled", "caret": "hide",
                               "timeout": STEP_SCREENSHOT_TIMEOUT_MS}
    try:
        page.screenshot(path=target, **options)
    except PlaywrightTimeoutError:
        raise
    except PlaywrightError:
        # A step ending on a click that navigates leaves Chromium between two documents, with no
        # frame to capture; the next document's is there once it has loaded.
        page.wait_for_load_state("load", timeout=STEP_SCREENSHOT_TIMEOUT_MS)
        page.screenshot(path=target, **options)


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
        allure_evidence.attach(request.config, target, SCREENSHOT_NAME, allure_evidence.PNG)


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
    if not item.config.getoption("traces", default=True):
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
            allure_evidence.attach(item.config, target, TRACE_NAME, allure_evidence.ZIP)
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


# Expected deviations: declared with --deviations or by the target profile, judged on the controller.


@pytest.hookimpl(specname="pytest_addoption")
def pytest_addoption_deviations(parser: pytest.Parser) -> None:
    """Add --deviations."""
    parser.getgroup("esante-report", "eSanté conformance report").addoption(
        "--deviations",
        dest="deviations_file",
        default=None,
        metavar="PATH",
        help="TOML file of the target's expected deviations ([[deviation]] with requirement or "
        "scenario, reason, ticket): their failures do not fail the run, their passes do "
        "(default: the target profile's [deviations] file).",
    )


def declared_deviations(config: pytest.Config) -> Deviations | None:
    """Read the run's deviations file, if one is named; a mistake in it is a usage error."""
    given = config.getoption("deviations_file", default=None)
    path = Path(config.invocation_params.dir, given) if given else _profile_deviations(config)
    if path is None:
        return None
    display = given or _shown(path, Path(config.rootpath))
    known = {requirement.id for requirement in load_catalogue(REPO_ROOT / "features" / "requirements.toml")}
    try:
        return load_deviations(path, display, known)
    except DeviationsError as error:
        raise pytest.UsageError(f"deviations: {error}") from None


def _profile_deviations(config: pytest.Config) -> Path | None:
    """Return the deviations file the --target profile names, if any."""
    name = config.getoption("target_profile", default=None)
    if not name:
        return None
    try:
        return load_profile(name, Path(config.rootpath)).deviations
    except (ProfileError, MissingVariable) as error:
        raise pytest.UsageError(str(error)) from None


def _shown(path: Path, root: Path) -> str:
    """Return a path as the reports name it: relative to the repository when inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


# Between runs: what a new run replaces, and only a session that runs tests replaces it.

# The previous run's reports, and the folder of its scenarios' evidence.
PREVIOUS_REPORTS = ("report.html", "summary.json", "cucumber.json", RUN_DATA_FILE, JSON_FILE, CSV_FILE)
EVIDENCE_DIR = "scenarios"
# Options with which pytest starts a session that runs no test: it lists the tests or fixtures.
LISTING_OPTIONS = ("collectonly", "showfixtures", "show_fixtures_per_test")


def runs_tests(config: pytest.Config) -> bool:
    """Tell whether the session runs tests, rather than list them or their fixtures."""
    return not any(config.getoption(name, default=False) for name in LISTING_OPTIONS)


def junit_path(config: pytest.Config) -> Path | None:
    """Return where pytest's junitxml writes junit.xml (--junitxml), if it does."""
    xmlpath = getattr(config.option, "xmlpath", None)
    if not xmlpath:
        return None
    # As junitxml resolves it: from the current directory, ~ and variables expanded.
    return Path(os.path.abspath(os.path.expanduser(os.path.expandvars(xmlpath))))


def clear_previous_reports(config: pytest.Config) -> None:
    """Remove the previous run's reports, junit.xml and evidence, before this run writes its own."""
    directory = reports_dir(config)
    for name in PREVIOUS_REPORTS:
        (directory / name).unlink(missing_ok=True)
    path = junit_path(config)
    if path is not None:
        path.unlink(missing_ok=True)
    # Evidence of scenarios this run does not run again would read as this run's.
    shutil.rmtree(directory / EVIDENCE_DIR, ignore_errors=True)


# On the controller: gather the reports and write the report files.


class ReportWriter:
    """Gathers every test report on the controller and writes the report at the end."""

    def __init__(self, config: pytest.Config) -> None:
        """Start with no result."""
        self.config = config
        self.results = RunResults()
        self.started = datetime.now().astimezone()
        self.summary: dict[str, Any] | None = None
        self.deviations = declared_deviations(config)
        # Whether this session runs tests, and so replaces the previous run's reports.
        self.running = False

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Take in one report."""
        self.results.add(report)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtestloop(self, session: pytest.Session) -> Generator[None, object, object]:
        """Remove the previous run's reports and evidence as this run's tests start."""
        # Not before: a session that runs no test (--collect-only, --fixtures) keeps the last
        # run's reports, and so does a usage error, which stops pytest before any session.
        if runs_tests(self.config):
            self.running = True
            clear_previous_reports(self.config)
        return (yield)

    @pytest.hookimpl(specname="pytest_sessionfinish", tryfirst=True)
    def pytest_sessionfinish_keep_junit(self, session: pytest.Session) -> None:
        """Keep the last run's junit.xml when no test ran: listing them, or a collection error."""
        # Before pytest's junitxml writes a junit.xml of no test over it.
        if not self.running:
            junit.keep_previous(self.config)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Set the exit status the verdicts give, then write the reports and records.json."""
        if not self.running:
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
            deviations=self.deviations.to_data() if self.deviations else None,
            count_security=bool(self.config.getoption("count_security", default=False)),
            axe=axe_mode(self.config),
        )

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """Name junit.xml's scenarios after their features, in a fixed order whatever the workers' pace."""
        # pytest's junitxml plugin has written the file at the end of the session, before this.
        path = junit_path(config)
        if path is not None and self.running:
            prefix = config.option.junitprefix
            junit.order_file(path, junit.scenario_cases(self.results.all, prefix),
                             junit.retried_cases(self.results.all, prefix))

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        """Print the short summary of the run."""
        if self.summary is None:
            return
        terminalreporter.write_sep("=", "eSanté conformance")
        for line in summary_lines(self.summary):
            terminalreporter.write_line(line)
