"""The four verdicts a run gives, and the findings that feed the advisory ones.

- **Conformance**: what the quick guides say (their words, the order of the steps, the outcome
  each instruction promises). Only this verdict decides a run against another portal.
- **Reference behaviour**: what the reference world does where the guides are silent (a lockout
  count, a resend button, an error's wording). A portal that does otherwise "differs from the
  reference".
- **Accessibility**: what WCAG 2.1 AA asks for (landmarks, ``aria-invalid``, label association).
  Findings are advisories naming the success criterion.
- **Security**: what OWASP ASVS 5.0 and NIST SP 800-63B ask of any portal (sessions, cookies,
  lockouts, replays); the guides say nothing of it, so it is reported apart from conformance.
  Its scenarios name their ASVS requirement (``@ASVS-6.3.1``).

A scenario belongs to one verdict through its tags (``@securite``, ``@reference``,
``@accessibilite``; no tag means conformance). A conformance step may also check a reference or
accessibility point; it records that as a finding instead of failing. Under ``--strict`` a finding
fails its step, and every verdict counts, so the reference world can be held to all four.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

CONFORMANCE = "conformance"
REFERENCE = "reference"
ACCESSIBILITY = "accessibility"
SECURITY = "security"
VERDICTS = (CONFORMANCE, REFERENCE, ACCESSIBILITY, SECURITY)
# The verdicts that decide the exit code only when the run counts them (--strict).
ADVISORY_VERDICTS = (REFERENCE, ACCESSIBILITY, SECURITY)

# The accessibility profile (--axe) reports axe-core's findings; with --axe-fail, or a strict run,
# a run that passes otherwise ends with this exit code when it has some: pytest's own codes stop at 5.
AXE_REPORT, AXE_FAIL = "report", "fail"
AXE_FINDINGS_EXIT = 6

# The feature-file tag that puts a whole scenario under a verdict other than conformance; the
# first one a scenario carries wins, so a security scenario tagged @reference stays security.
VERDICT_TAGS = {"securite": SECURITY, "reference": REFERENCE, "accessibilite": ACCESSIBILITY}


class StrictFinding(AssertionError):
    """A reference or accessibility finding, raised because the run is strict."""


@dataclass(frozen=True)
class AxeNode:
    """What axe-core found (--axe): its rule, one node it was found on, and the rule's help page."""

    rule: str
    impact: str | None
    # The node's CSS selector and its HTML, cut short, as an example of the nodes.
    target: str
    html: str
    help_url: str | None
    # How many nodes of the page the rule found.
    nodes: int = 1


@dataclass(frozen=True)
class Finding:
    """Something a conformance step noticed that belongs to another verdict."""

    verdict: str
    message: str
    # For accessibility: the WCAG 2.1 success criterion, e.g. "1.3.1 Info and Relationships".
    criterion: str | None = None
    page: str | None = None
    # Set on the findings of the accessibility profile (--axe).
    axe: AxeNode | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data, to travel from an xdist worker to the controller."""
        return asdict(self)

    def describe(self) -> str:
        """One line for a person: the verdict's wording, the criterion, the message, the page."""
        if self.verdict == ACCESSIBILITY:
            head = f"accessibility advisory (WCAG {self.criterion})" if self.criterion else \
                "accessibility advisory"
        else:
            head = "differs from the reference"
        where = f" on {self.page}" if self.page else ""
        return f"{head}: {self.message}{where}"


class FindingLog:
    """The findings of the test running in this process; the report plugin resets it per test."""

    def __init__(self) -> None:
        self.strict = False
        self._findings: list[Finding] = []

    def start(self, *, strict: bool) -> None:
        """Begin a new test with no finding."""
        self.strict = strict
        self._findings = []

    def record(self, finding: Finding) -> None:
        """Keep a finding; under --strict, fail the step that made it."""
        self._findings.append(finding)
        if self.strict:
            raise StrictFinding(f"{finding.describe()} (--strict counts it as a failure)")

    def keep(self, finding: Finding) -> None:
        """Keep a finding that fails no step, even under --strict (the accessibility profile's)."""
        self._findings.append(finding)

    def collected(self) -> list[Finding]:
        """The findings of the current test, in the order they were made."""
        return list(self._findings)


# One test runs at a time in a process (xdist runs one per worker process).
LOG = FindingLog()


def differs(message: str, page: str | None = None) -> None:
    """Record that the target differs from the reference where the guides are silent."""
    LOG.record(Finding(REFERENCE, message, page=page))


def advise(message: str, criterion: str, page: str | None = None) -> None:
    """Record an accessibility advisory naming its WCAG 2.1 success criterion."""
    LOG.record(Finding(ACCESSIBILITY, message, criterion=criterion, page=page))


def is_strict() -> bool:
    """Tell whether findings fail their step in this run."""
    return LOG.strict


def verdict_of(tags: list[str] | set[str]) -> str:
    """The verdict a scenario belongs to, from its tags."""
    for tag, verdict in VERDICT_TAGS.items():
        if tag in tags:
            return verdict
    return CONFORMANCE
