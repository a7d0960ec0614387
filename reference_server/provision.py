"""Provision test identities the way the agency does for a staging portal, and write their accounts file.

``python -m reference_server provision --data DIR --count 40 --out accounts.toml`` registers
people in the world kept in DIR, each with a fresh activation letter (and, for some, LuxTrust test
products), then writes the accounts file a QA team is handed. The world served afterwards from the
same DIR without ``--test-support`` knows them, and the harness takes them from that file.
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reference_server.config import WorldConfig
from reference_server.world import World

# The mix of identities a selection of scenarios draws on: mostly patients, some with a LuxTrust
# token, and professionals, who activate with LuxTrust.
MIX: tuple[dict[str, Any], ...] = (
    {"kind": "patient"},
    {"kind": "patient"},
    {"kind": "patient", "luxtrust": ["token"]},
    {"kind": "professional", "luxtrust": ["token"]},
)
# What the accounts file keeps of an answer of /_test/personas.
IDENTITY_FIELDS = ("kind", "matricule", "activation_code", "first_name", "last_name", "birth_date",
                   "email", "mobile")
PRODUCT_FIELDS = ("type", "label", "serial", "user_id", "password", "totp_secret", "pin")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The provision command's line."""
    parser = argparse.ArgumentParser(prog="python -m reference_server provision", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="directory of the world's SQLite files")
    parser.add_argument("--count", type=int, default=40, help="how many identities (default: 40)")
    parser.add_argument("--out", type=Path, required=True, help="the accounts file to write (TOML)")
    parser.add_argument("--seed", type=int, help="seed for the made-up names")
    return parser.parse_args(argv)


def requests(count: int) -> Iterator[dict[str, Any]]:
    """The persona requests for a number of identities, cycling through the mix."""
    for index in range(count):
        yield MIX[index % len(MIX)]


def provision(data_dir: Path, count: int, seed: int | None = None) -> list[dict[str, Any]]:
    """Register the identities in the world kept in a directory, and return them as issued."""
    world = World(WorldConfig(data_dir=data_dir, test_support=True), persona_seed=seed)
    urls = world.start()
    try:
        return [_create(urls.test_support + "personas", request) for request in requests(count)]
    finally:
        world.stop()


def _create(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    """One persona through the test-support interface of the world being provisioned."""
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def accounts_toml(identities: list[dict[str, Any]]) -> str:
    """The accounts file: a header, then one [[identity]] table per person."""
    lines = ["# Test identities for the eSanté reference world, each with a fresh activation letter.",
             "# A letter works once: the harness records those it used in the ledger beside this file.", ""]
    for identity in identities:
        lines.append("[[identity]]")
        lines += [f"{key} = {_toml(identity[key])}" for key in IDENTITY_FIELDS if identity.get(key)]
        practice = identity.get("practice") or {}
        if practice.get("profession"):
            # What the professional register says of the person, which the wizard shows (p. 7).
            lines.append(f"profession = {_toml(practice['profession'])}")
        for product in identity.get("luxtrust") or []:
            lines += ["", "  [[identity.luxtrust]]"]
            lines += [f"  {key} = {_toml(product[key])}" for key in PRODUCT_FIELDS if product.get(key)]
        lines.append("")
    return "\n".join(lines)


def _toml(value: object) -> str:
    """A TOML string: JSON's escaping is valid for TOML basic strings."""
    return json.dumps(str(value), ensure_ascii=False)


def main(argv: list[str]) -> int:
    """Provision, write the accounts file, and say where it is."""
    args = parse_args(argv)
    identities = provision(args.data, args.count, args.seed)
    args.out.write_text(accounts_toml(identities), encoding="utf-8")
    print(f"{len(identities)} identities in {args.out}; serve them with "
          f"python -m reference_server --data {args.data}", flush=True)
    return 0
