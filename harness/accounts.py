"""Provisioned identities: the accounts file an agency hands a QA team, and the ledger of those used.

An activation letter works once, so every identity a run takes is written to a ledger beside the
file before the scenario uses it. Two runs, or two workers of one run, never take the same letter.

The file is TOML, one ``[[identity]]`` table per person::

    [[identity]]
    kind = "patient"                 # or "professional"
    matricule = "1985061512345"
    activation_code = "K7QPM-4XH2R"
    first_name = "Anne"
    last_name = "Weber"
    birth_date = "1985-06-15"
    email = "anne.weber@test.esante.lu"
    mobile = "+352691234567"
    # profession = "Médecin généraliste"   for a professional: what the register says

      [[identity.luxtrust]]          # optional: the person's LuxTrust test products
      type = "token"
      label = "Token"
      serial = "TK-000123"
      user_id = "aweber"
      password = "${LUXTRUST_PASSWORD}"
      totp_secret = "${LUXTRUST_TOTP_ANNE}"

Values may name environment variables as ``${NAME}``, so that secrets stay out of the file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.environment import expand
from harness.targets import Persona, TargetCapabilityMissing

LEDGER_SUFFIX = ".ledger.jsonl"


class AccountsFileError(ValueError):
    """The accounts file cannot be read as a list of identities."""


@dataclass(frozen=True)
class Request:
    """What a scenario asks of an identity: its kind and the LuxTrust products it must hold."""

    kind: str = "patient"
    luxtrust: tuple[str, ...] = ()
    minor: bool = False

    @classmethod
    def from_options(cls, kind: str, options: dict[str, object]) -> Request:
        """The request a persona creation makes, from the options it would send to /_test/."""
        products = options.get("luxtrust") or ()
        return cls(kind=kind, luxtrust=tuple(str(p) for p in products),  # type: ignore[union-attr]
                   minor=bool(options.get("minor")))

    def describe(self) -> str:
        """The request in a few words, for a message saying none is left."""
        who = "minor patient" if self.minor else self.kind
        return f"{who} with LuxTrust {', '.join(self.luxtrust)}" if self.luxtrust else who


def load_identities(path: Path) -> list[dict[str, Any]]:
    """Every identity of an accounts file, with ${ENV} references expanded."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise AccountsFileError(f"cannot read the accounts file {path}: {error}") from error
    identities = raw.get("identity")
    if not isinstance(identities, list):
        raise AccountsFileError(f"{path} has no [[identity]] tables")
    expanded = [expand(identity, f"{path} identity {number}")
                for number, identity in enumerate(identities, 1)]
    for number, identity in enumerate(expanded, 1):
        missing = [key for key in ("matricule", "activation_code", "email", "mobile")
                   if not identity.get(key)]
        if missing:
            raise AccountsFileError(f"{path} identity {number} has no {', '.join(missing)}")
    return expanded


def matches(identity: dict[str, Any], request: Request) -> bool:
    """Tell whether an identity can play the part a scenario asks for."""
    if identity.get("kind", "patient") != request.kind or bool(identity.get("minor")) != request.minor:
        return False
    held = {product.get("type") for product in identity.get("luxtrust") or []}
    return set(request.luxtrust) <= held


class AccountsFile:
    """An accounts file and its ledger: identities are taken once, across runs and workers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ledger = path.with_name(path.name + LEDGER_SUFFIX)
        self.identities = load_identities(path)

    def take(self, request: Request, used_by: str) -> Persona:
        """Take a fresh identity that fits the request, recording it in the ledger first."""
        with self._locked_ledger() as consumed:
            for identity in self.identities:
                if identity["matricule"] not in consumed and matches(identity, request):
                    self._record(identity["matricule"], used_by)
                    return Persona.from_json(identity, {"kind": request.kind})
        raise TargetCapabilityMissing(
            f"the accounts file {self.path.name} has no fresh {request.describe()} identity left"
        )

    def fresh(self, request: Request | None = None) -> int:
        """How many identities, of all or of one kind, no run has used yet."""
        consumed = self.consumed()
        return sum(1 for identity in self.identities if identity["matricule"] not in consumed
                   and (request is None or matches(identity, request)))

    def consumed(self) -> set[str]:
        """The matricules the ledger says were used."""
        if not self.ledger.exists():
            return set()
        lines = self.ledger.read_text(encoding="utf-8").splitlines()
        return {json.loads(line)["matricule"] for line in lines if line.strip()}

    @contextmanager
    def _locked_ledger(self) -> Iterator[set[str]]:
        """Hold the ledger's lock while choosing, so that two workers never choose alike."""
        with open(self.ledger.with_suffix(".lock"), "a", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield self.consumed()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _record(self, matricule: str, used_by: str) -> None:
        """Append one used identity to the ledger."""
        entry = {"matricule": matricule, "used_by": used_by,
                 "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        with open(self.ledger, "a", encoding="utf-8") as ledger:
            ledger.write(json.dumps(entry, ensure_ascii=False) + "\n")
