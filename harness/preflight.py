"""Preflight of a target, in seconds and before any browser starts.

It says whether the target can be reached, what it offers, and which scenarios of the selection
will run there.

What a scenario needs is read from its tags and its steps' words (a clock for ``@horloge``,
LuxTrust products named in « », a MyGuichet.lu space for its pages, messages for codes); the run
itself still decides, and reports as "not run" whatever it finds missing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from harness.accounts import AccountsFile, Request
from harness.environment import MissingVariable
from harness.profiled_target import ProfiledTarget
from harness.profiles import ProfileError, TargetProfile, load_profile
from harness.report.plugin import scenario_template
from harness.targets import SHORTCUTS

# Words of the steps and what they need of the target.
PRODUCTS = {"Token": "token", "Smartcard": "smartcard", "Signing Stick": "signing_stick",
            "carte d'identité électronique": "eid", "LuxTrust Mobile": "mobile"}
_CODES = re.compile(r"activé|connecté|Sécurisation|code à usage unique|code reçu|terminé|DSP",
                    re.IGNORECASE)
_PEOPLE = re.compile(
    r"\b(?:un|une) (?:patient|professionnel|parent|enfant|autre personne)|deux enfants", re.IGNORECASE)


@dataclass(frozen=True)
class Capability:
    """Something a scenario may need, and whether the target offers it."""

    name: str
    available: bool
    detail: str


@dataclass
class Needs:
    """What one scenario needs of a target."""

    clock: bool = False
    myguichet: bool = False
    publications: bool = False
    approval: bool = False
    minor: bool = False
    messages: bool = False
    products: set[str] = field(default_factory=set)
    people: int = 0


def needs_of(tags: Iterable[str], steps: Iterable[str]) -> Needs:
    """What a scenario needs, from its tags and the words of its steps."""
    tags, text = set(tags), "\n".join(steps)
    return Needs(
        clock="horloge" in tags,
        myguichet="MyGuichet.lu" in text and bool(tags & {"p3", "p4", "p5"}),
        publications="publie" in text,
        approval="LuxTrust Mobile" in text,
        minor="enfant" in text,
        messages=bool(_CODES.search(text)),
        products={product for words, product in PRODUCTS.items() if f"« {words} »" in text},
        people=sum(2 if found.group(0).lower().startswith("deux") else 1 for found in _PEOPLE.finditer(text)),
    )


def missing_for(needs: Needs, offered: dict[str, Capability]) -> list[str]:
    """What a scenario needs that the target does not offer, in words for a "not run" reason."""
    wanted = [("clock", needs.clock), ("MyGuichet.lu spaces", needs.myguichet),
              ("publications", needs.publications), ("LuxTrust Mobile approval", needs.approval),
              ("minor patients", needs.minor), ("SMS messages", needs.messages)]
    wanted += [(f"LuxTrust {product}", True) for product in sorted(needs.products)]
    lacking = [name for name, capability in offered.items() if not capability.available]
    return [name for name, needed in wanted if needed and name in lacking]


def reach(url: str, timeout: float = 5) -> tuple[bool, str]:
    """Whether an address answers a GET with success, and how it answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return True, f"{answer.status} {url}"
    except urllib.error.HTTPError as error:
        return False, f"{error.code} {url}"
    except (urllib.error.URLError, OSError) as error:
        return False, f"unreachable {url} ({error})"


def offers_call(url: str, body: bytes = b"{}", timeout: float = 5) -> bool:
    """Whether a POST call exists: a request it cannot take is refused as such (400, 422), not unknown."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            return True
    except urllib.error.HTTPError as error:
        return error.code in (400, 409, 422)
    except (urllib.error.URLError, OSError):
        return False


def capabilities(target: ProfiledTarget) -> list[Capability]:
    """Probe the target's parts and say what it offers."""
    profile = target.profile
    portal_ok, portal = reach(profile.portal_url)
    found = [Capability("portal", portal_ok, portal)]
    test = profile.portal_url + "_test/"
    # A kind no portal has: the call is proved without registering anyone.
    support = profile.uses_test_support and offers_call(test + "personas", b'{"kind": "preflight"}')
    found.append(_personas(profile, target.accounts, support))
    found += [_source("e-mail messages", target.email, profile.email.describe()),
              _source("SMS messages", target.sms, profile.sms.describe())]
    clock = profile.clock_control and reach(test + "clock")[0]
    found.append(Capability("clock", bool(clock), "through /_test/clock" if clock else "not movable"))
    for name, call in (("publications", "publications"), ("LuxTrust Mobile approval", "luxtrust/approve")):
        offered = bool(support) and offers_call(test + call)
        found.append(Capability(name, offered, f"POST /_test/{call}" if offered else f"no /_test/{call}"))
    found.append(_shortcuts(test, bool(support)))
    found.append(Capability("MyGuichet.lu spaces", bool(support),
                            "asked of /_test/ at run time" if support else "no /_test/ interface"))
    minors = target.accounts.fresh(Request(minor=True)) if target.accounts else None
    found.append(Capability("minor patients", bool(support) or bool(minors),
                            "through /_test/" if support else f"{minors or 0} in the accounts file"))
    for product in sorted(set(PRODUCTS.values())):
        found.append(_product(product, target.accounts, bool(support)))
    return found


def _shortcuts(test: str, support: bool) -> Capability:
    """Which shortcuts to a Given's state the target offers; without them Givens walk, only slower."""
    offered = [call for call in SHORTCUTS if support and offers_call(test + call)]
    if not offered:
        return Capability("shortcuts", False, "none: every « Étant donné » walks the portal's pages")
    walked = [call for call in SHORTCUTS if call not in offered]
    said = f"POST /_test/{', /_test/'.join(offered)}"
    if walked:
        said += f"; the others walk ({', '.join(walked)})"
    return Capability("shortcuts", True, said)


def _personas(profile: TargetProfile, accounts: AccountsFile | None, support: bool) -> Capability:
    """Where personas come from, and how many fresh ones are left."""
    if accounts is not None:
        fresh = accounts.fresh()
        return Capability("personas", fresh > 0, f"{fresh} fresh of {len(accounts.identities)} in "
                                                 f"{accounts.path.name}")
    return Capability("personas", support, "POST /_test/personas" if support else "no /_test/ interface")


def _source(name: str, source: object, described: str) -> Capability:
    """A message source, proved by its own check."""
    if source is None:
        return Capability(name, False, "none in the profile")
    try:
        return Capability(name, True, source.check())  # type: ignore[attr-defined]
    except Exception as error:  # Any failure to reach it is what the preflight reports.
        return Capability(name, False, f"{described}: {error}")


def _product(product: str, accounts: AccountsFile | None, support: bool) -> Capability:
    """A LuxTrust product: asked of /_test/, or held by identities of the accounts file."""
    name = f"LuxTrust {product}"
    if accounts is None:
        detail = "asked of /_test/ at run time" if support else "no /_test/ interface"
        return Capability(name, support, detail)
    fresh = sum(accounts.fresh(Request(kind, (product,))) for kind in ("patient", "professional"))
    return Capability(name, fresh > 0, f"{fresh} fresh identities hold one")


# The command: ./conformance check-target [--target NAME | --base-url URL] [-m EXPR] [-k EXPR] ----


@dataclass(frozen=True)
class Planned:
    """A scenario of the selection and what it would lack on the target."""

    name: str
    missing: tuple[str, ...]
    people: int


def plan(scenarios: Iterable[tuple[str, Needs]], offered: dict[str, Capability]) -> list[Planned]:
    """Each scenario with what the target lacks for it (nothing: it will run)."""
    return [Planned(name, tuple(missing_for(needs, offered)), needs.people) for name, needs in scenarios]


def report_lines(title: str, found: list[Capability], planned: list[Planned],
                 fresh: int | None) -> list[str]:
    """What the preflight prints: the capabilities, then the selection's fate, then the identities."""
    lines = [f"Target: {title}"]
    lines += [f"  {'✓' if c.available else '✗'} {c.name}: {c.detail}" for c in found]
    runs = [p for p in planned if not p.missing]
    lines.append(f"Scenarios selected: {len(planned)}; {len(runs)} will run, "
                 f"{len(planned) - len(runs)} will not run")
    reasons: dict[str, list[str]] = {}
    for item in planned:
        if item.missing:
            reasons.setdefault(", ".join(item.missing), []).append(item.name)
    for reason, names in sorted(reasons.items(), key=lambda entry: -len(entry[1])):
        lines.append(f"  not run ({len(names)}), the target has no {reason}: {'; '.join(names[:3])}"
                     + (" …" if len(names) > 3 else ""))
    if fresh is not None:
        needed = sum(item.people for item in runs)
        lines.append(f"Identities: the scenarios that will run take about {needed}; {fresh} are fresh"
                     + ("" if fresh >= needed else " — not enough: provision more"))
    return lines


class _Selection:
    """A pytest plugin that keeps the scenarios a collection selects, with their tags and steps."""

    def __init__(self) -> None:
        self.scenarios: list[tuple[str, Needs]] = []

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Read each selected scenario's tags and steps."""
        for item in session.items:
            template = scenario_template(item)
            if template is not None:
                tags = {marker.name for marker in item.iter_markers()}
                steps = [step.name for step in template.steps]
                self.scenarios.append((template.name, needs_of(tags, steps)))


def selected_scenarios(root: Path, selection: list[str], target: list[str]) -> list[tuple[str, Needs]]:
    """The scenarios a run with these options would select, without running any."""
    collector = _Selection()
    arguments = [str(root / "tests" / "acceptance"), "--collect-only", "-q", "-p", "no:cacheprovider",
                 *target, *selection]
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main(arguments, plugins=[collector])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        raise SystemExit(f"the selection could not be collected (pytest exit code {int(code)})")
    return collector.scenarios


def profile_for(options: argparse.Namespace, root: Path) -> TargetProfile:
    """The profile --target names, or one for --base-url with everything through /_test/."""
    if options.target:
        return load_profile(options.target, root)
    url = options.base_url if options.base_url.endswith("/") else options.base_url + "/"
    return TargetProfile(name="base-url", portal_url=url, clock_control=True)


def main(argv: list[str], root: Path) -> int:
    """Probe the target, plan the selection, print both; exit 1 when it cannot be tested at all."""
    parser = argparse.ArgumentParser(prog="conformance check-target")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--target", help="a target profile (targets/NAME.toml)")
    where.add_argument("--base-url", help="a portal with the whole /_test/ interface")
    options, selection = parser.parse_known_args(argv)
    try:
        profile = profile_for(options, root)
    except (ProfileError, MissingVariable) as error:
        print(error, file=sys.stderr)
        return 2
    target = ProfiledTarget.from_profile(profile)
    found = capabilities(target)
    offered = {capability.name: capability for capability in found}
    target_options = ["--target", options.target] if options.target else ["--base-url", options.base_url]
    planned = plan(selected_scenarios(root, selection, target_options), offered)
    accounts = target.accounts
    title = f"{profile.name} ({profile.portal_url})"
    for line in report_lines(title, found, planned, accounts.fresh() if accounts else None):
        print(line)
    return 0 if offered["portal"].available and offered["personas"].available else 1
