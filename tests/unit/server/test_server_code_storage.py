"""Activation and one-time codes are stored as MACs under a key kept beside the database, not in it."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from server_http import (
    WIZARD,
    Visitor,
    accept_cgu,
    ask_for_sms_code,
    latest_code,
    new_persona,
    portal_db,
    reach_step_3,
    stored_bytes,
    submit_code,
)

from reference_server.clock import Clock
from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.domain.hashing import CodeHasher, SecretHasher
from reference_server.key_files import KEY_BYTES, load_or_create_key
from reference_server.luxtrust_client import LuxTrustLink
from reference_server.portal.activation_letters import CodeVerdict
from reference_server.portal.messaging_client import MessagingClient
from reference_server.portal.one_time_codes import OneTimeVerdict
from reference_server.portal.register import Person
from reference_server.portal.services import CODE_KEY_FILE, PortalServices
from reference_server.world import World

MAC = re.compile(r"hmac-sha256\$[0-9a-f]{64}")
MATRICULE = "1980010112345"


def portal_services(data_dir: Path) -> PortalServices:
    """The portal's services on a data directory, as a start of the world builds them; no network."""
    config = WorldConfig(data_dir=data_dir, hashing=TEST_HASHING)
    link = LuxTrustLink("http://127.0.0.1:9/", "esante-portal", "secret", "http://127.0.0.1:9/retour")
    return PortalServices.build(config, Clock(), MessagingClient("http://127.0.0.1:9/", "token"), link)


def letter_for(services: PortalServices) -> str:
    """Register a person and print them an activation letter; return its code."""
    services.register.add_person(Person(
        MATRICULE, "patient", "Anne", "Muller", dt.date(1980, 1, 1), "anne@example.lu",
        "+352621000000", "1 rue de la Gare", "1234", "Luxembourg",
    ))
    return services.register.issue_letter(MATRICULE, WorldConfig.activation_code_ttl)


def code_key(world: World) -> bytes:
    """The portal's code key, read from the world's data directory."""
    return (world.data_dir / CODE_KEY_FILE).read_bytes()


# What the database holds -------------------------------------------------------------------------


def test_an_activation_code_is_stored_as_a_keyed_mac(support_world: World, persona: dict):
    code = str(persona["activation_code"])
    with portal_db(support_world) as conn:
        stored = conn.execute(
            "SELECT code_hash FROM activation_letters WHERE matricule = ?", (persona["matricule"],)
        ).fetchone()["code_hash"]

    assert MAC.fullmatch(stored) and not stored.startswith("$argon2")
    assert stored == CodeHasher(code_key(support_world)).hash(code)
    assert code.encode() not in stored_bytes(support_world)


def test_a_one_time_code_is_stored_as_a_keyed_mac(support_world: World, visitor: Visitor, persona: dict):
    mobile = str(persona["mobile"])
    reach_step_3(visitor, persona)
    assert ask_for_sms_code(visitor, mobile).location == f"{WIZARD}/etape-3"
    code = latest_code(support_world, mobile)
    with portal_db(support_world) as conn:
        stored = conn.execute(
            "SELECT code_hash FROM one_time_codes WHERE destination = ? ORDER BY id DESC", (mobile,)
        ).fetchone()["code_hash"]

    assert MAC.fullmatch(stored) and not stored.startswith("$argon2")
    assert stored != code
    assert stored == CodeHasher(code_key(support_world)).hash(code)


def test_the_code_key_is_a_file_readable_by_its_owner_only_and_not_in_the_database(
    support_world: World,
):
    path = support_world.data_dir / CODE_KEY_FILE

    assert len(path.read_bytes()) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() not in stored_bytes(support_world)


# Restarts ----------------------------------------------------------------------------------------


def test_a_restart_on_the_same_data_still_verifies_a_stored_activation_code(tmp_path: Path):
    config = WorldConfig(data_dir=tmp_path, test_support=True, hashing=TEST_HASHING)
    first = World(config)
    first.start()
    try:
        persona = new_persona(first)
    finally:
        first.stop()

    with World(replace(config, test_support=False)) as urls:
        visitor = Visitor(urls.portal)
        accept_cgu(visitor)
        reply = submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))

    assert reply.status == 303 and reply.location == f"{WIZARD}/etape-2"


def test_a_restart_on_the_same_data_still_verifies_a_stored_one_time_code(tmp_path: Path):
    issued = portal_services(tmp_path).codes.issue("owner", "activation", "sms", "+352621000000")

    outcome = portal_services(tmp_path).codes.check(issued.id, "owner", issued.code)

    assert outcome.verdict is OneTimeVerdict.ACCEPTED


def test_without_the_key_a_copy_of_the_database_verifies_no_code(tmp_path: Path):
    code = letter_for(portal_services(tmp_path))
    (tmp_path / CODE_KEY_FILE).unlink()

    # A new key is made, as on a stolen copy of the database, and the stored MAC no longer matches.
    outcome = portal_services(tmp_path).letters.check(MATRICULE, code)

    assert outcome.verdict is CodeVerdict.WRONG


def test_a_letter_hashed_with_argon2id_before_keying_still_verifies(tmp_path: Path):
    services = portal_services(tmp_path)
    code = letter_for(services)
    legacy = SecretHasher(TEST_HASHING.time_cost, TEST_HASHING.memory_cost_kib, TEST_HASHING.parallelism)
    with sqlite3.connect(tmp_path / "portal.sqlite3") as conn:
        conn.execute("UPDATE activation_letters SET code_hash = ?", (legacy.hash(code),))
    conn.close()

    assert services.letters.check(MATRICULE, code).verdict is CodeVerdict.ACCEPTED
    assert services.letters.check(MATRICULE, "AAAAA-AAAAA").verdict is CodeVerdict.WRONG


# The key file ------------------------------------------------------------------------------------


def test_a_new_key_is_random_owner_only_and_kept(tmp_path: Path):
    path = tmp_path / "some.key"

    first = load_or_create_key(path)

    assert len(first) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == first
    assert load_or_create_key(tmp_path / "other.key") != first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.key", "some.key"]


def test_an_existing_key_is_never_replaced(tmp_path: Path):
    path = tmp_path / "some.key"
    path.write_bytes(bytes(range(KEY_BYTES)))

    assert load_or_create_key(path) == bytes(range(KEY_BYTES))


@pytest.mark.parametrize("content", [b"", b"short", bytes(KEY_BYTES + 1)])
def test_a_damaged_key_file_is_an_error_not_a_new_key(tmp_path: Path, content: bytes):
    path = tmp_path / "some.key"
    path.write_bytes(content)

    with pytest.raises(ValueError):
        load_or_create_key(path)
    assert path.read_bytes() == content
