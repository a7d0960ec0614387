"""Target profiles: one TOML file per portal the harness is pointed at (``targets/<name>.toml``).

A profile says where the portal is, where personas and messages come from, whether the clock can
be moved, how LuxTrust is reached, and the browser's options. Secrets are never written in it:
``${NAME}`` names an environment variable instead. An example::

    [portal]
    url = "https://portal.staging.example/"

    [personas]
    source = "accounts"                  # or "test-support"
    accounts = "staging-accounts.toml"   # relative to the profile

    [messages.email]
    source = "imap"                      # "test-support", "maildev", "mailpit", "imap" or "none"
    host = "imap.staging.example"
    port = 993
    ssl = true
    user = "${STAGING_IMAP_USER}"
    password = "${STAGING_IMAP_PASSWORD}"

    [messages.sms]
    source = "sms-sandbox"               # "test-support", "sms-sandbox" or "none"
    url = "https://sms-sandbox.staging.example/messages"

    [clock]
    control = false

    [luxtrust]
    pages = "simulated"                  # or the module driving a real LuxTrust test environment

    [browser]
    timeout_ms = 10000

    [deviations]
    file = "staging.deviations.toml"     # what the portal is known to fail (harness.deviations)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.environment import expand

PROFILES_DIR = "targets"
PERSONA_SOURCES = ("test-support", "accounts")
EMAIL_SOURCES = ("test-support", "maildev", "mailpit", "imap", "none")
SMS_SOURCES = ("test-support", "sms-sandbox", "none")
DEFAULT_TIMEOUT_MS = 5_000


class ProfileError(ValueError):
    """A target profile that cannot be used as it is written."""


@dataclass(frozen=True)
class Source:
    """Where one kind of message is read: a source name and its settings."""

    kind: str
    settings: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """The source in a few words, without its secrets."""
        where = self.settings.get("url") or self.settings.get("host")
        return f"{self.kind} ({where})" if where else self.kind


@dataclass(frozen=True)
class TargetProfile:
    """Everything the harness needs to know of one target portal."""

    name: str
    portal_url: str
    personas: str = "test-support"
    accounts: Path | None = None
    email: Source = field(default_factory=lambda: Source("test-support"))
    sms: Source = field(default_factory=lambda: Source("test-support"))
    clock_control: bool = False
    luxtrust_pages: str = "simulated"
    timeout_ms: int = DEFAULT_TIMEOUT_MS
    browser: dict[str, Any] = field(default_factory=dict)
    # The file of the target's expected deviations, if it declares any.
    deviations: Path | None = None

    @property
    def uses_test_support(self) -> bool:
        """Tell whether anything is asked of the portal's /_test/ interface."""
        return "test-support" in (self.personas, self.email.kind, self.sms.kind)


def profile_path(name_or_path: str, root: Path) -> Path:
    """The file a --target names: a path to a TOML file, or a name under targets/."""
    given = Path(name_or_path)
    if given.suffix == ".toml":
        return given if given.is_absolute() else root / given
    return root / PROFILES_DIR / f"{name_or_path}.toml"


def load_profile(name_or_path: str, root: Path) -> TargetProfile:
    """Read, expand and check a target profile."""
    path = profile_path(name_or_path, root)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = sorted(p.stem for p in (root / PROFILES_DIR).glob("*.toml"))
        raise ProfileError(f"no target profile {path} (known: {', '.join(known) or 'none'})") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path} is not valid TOML: {error}") from error
    return profile_from(expand(raw, str(path)), path)


def profile_from(raw: dict[str, Any], path: Path) -> TargetProfile:
    """A profile from its expanded TOML tables."""
    portal_url = str(_table(raw, "portal").get("url") or "")
    if not portal_url.startswith(("http://", "https://")):
        raise ProfileError(f"{path}: [portal] url must be an http(s) address, got {portal_url!r}")
    personas = _table(raw, "personas")
    source = _choice(path, "personas source", personas.get("source", "test-support"), PERSONA_SOURCES)
    accounts = personas.get("accounts")
    if source == "accounts" and not accounts:
        raise ProfileError(f"{path}: [personas] source = \"accounts\" needs an accounts file")
    messages = _table(raw, "messages")
    browser = dict(_table(raw, "browser"))
    return TargetProfile(
        name=path.stem,
        portal_url=portal_url if portal_url.endswith("/") else portal_url + "/",
        personas=source,
        accounts=(path.parent / accounts) if accounts else None,
        email=_source(path, "messages.email", _table(messages, "email"), EMAIL_SOURCES),
        sms=_source(path, "messages.sms", _table(messages, "sms"), SMS_SOURCES),
        clock_control=bool(_table(raw, "clock").get("control", False)),
        luxtrust_pages=str(_table(raw, "luxtrust").get("pages", "simulated")),
        timeout_ms=int(browser.pop("timeout_ms", DEFAULT_TIMEOUT_MS)),
        browser=browser,
        deviations=_deviations_file(path, _table(raw, "deviations")),
    )


def _deviations_file(path: Path, table: dict[str, Any]) -> Path | None:
    """The [deviations] file, relative to the profile, or None when the table is absent."""
    unknown = sorted(set(table) - {"file"})
    if unknown:
        raise ProfileError(f"{path}: [deviations] takes only file, not {', '.join(unknown)}")
    given = table.get("file")
    if given is None:
        return None
    if not isinstance(given, str) or not given.strip():
        raise ProfileError(f"{path}: [deviations] file must be a path, got {given!r}")
    return path.parent / given


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    """A sub-table, empty when absent."""
    value = raw.get(name, {})
    return value if isinstance(value, dict) else {}


def _source(path: Path, where: str, table: dict[str, Any], allowed: tuple[str, ...]) -> Source:
    """A message source from its table."""
    settings = dict(table)
    kind = _choice(path, f"{where} source", settings.pop("source", "test-support"), allowed)
    return Source(kind, settings)


def _choice(path: Path, what: str, value: object, allowed: tuple[str, ...]) -> str:
    """A value that must be one of a few words."""
    if value not in allowed:
        raise ProfileError(f"{path}: {what} must be one of {', '.join(allowed)}, got {value!r}")
    return str(value)
