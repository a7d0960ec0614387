"""Tests of the hashing of stored secrets: Argon2id for passwords, a keyed HMAC-SHA256 for codes."""

from __future__ import annotations

import hmac
import re

import pytest

from reference_server.domain import hashing
from reference_server.domain.hashing import CodeHasher, SecretHasher

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


@pytest.fixture(scope="module")
def hasher() -> SecretHasher:
    """A hasher at the lowest cost, since these tests check behaviour and not strength."""
    return SecretHasher(time_cost=1, memory_cost_kib=1024, parallelism=1)


def test_a_hashed_secret_verifies(hasher: SecretHasher):
    encoded = hasher.hash("Motdepasse2024")

    assert hasher.verify(encoded, "Motdepasse2024")


def test_the_hash_is_argon2id_with_the_configured_parameters(hasher: SecretHasher):
    encoded = hasher.hash("Motdepasse2024")

    assert encoded.startswith("$argon2id$")
    assert "m=1024,t=1,p=1" in encoded


def test_the_hash_does_not_contain_the_secret(hasher: SecretHasher):
    assert "Motdepasse2024" not in hasher.hash("Motdepasse2024")


@pytest.mark.parametrize("wrong", ["Motdepasse2025", "motdepasse2024", "Motdepasse2024 ", ""])
def test_a_wrong_secret_is_refused(hasher: SecretHasher, wrong: str):
    assert not hasher.verify(hasher.hash("Motdepasse2024"), wrong)


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "not a hash",
        "$argon2id$",
        "$argon2id$v=19$m=1024,t=1,p=1$bad$bad",
        "$2b$12$abcdefghijklmnopqrstuuvwxyz0123456789abcdefghijklmno",
        "plain-text-password",
    ],
)
def test_a_garbage_hash_is_refused_without_raising(hasher: SecretHasher, garbage: str):
    assert hasher.verify(garbage, "Motdepasse2024") is False


def test_a_truncated_hash_is_refused(hasher: SecretHasher):
    encoded = hasher.hash("Motdepasse2024")

    assert not hasher.verify(encoded[:-4], "Motdepasse2024")


def test_two_hashes_of_the_same_secret_differ(hasher: SecretHasher):
    first, second = hasher.hash("123456"), hasher.hash("123456")

    assert first != second
    assert hasher.verify(first, "123456") and hasher.verify(second, "123456")


def test_a_hash_made_with_other_parameters_still_verifies(hasher: SecretHasher):
    # The parameters travel in the encoded hash, so changing the configuration keeps old hashes.
    other = SecretHasher(time_cost=2, memory_cost_kib=2048, parallelism=2)

    assert hasher.verify(other.hash("ABCDE-23456"), "ABCDE-23456")


def test_non_ascii_secrets_round_trip(hasher: SecretHasher):
    assert hasher.verify(hasher.hash("Éléphant-2024-ß"), "Éléphant-2024-ß")
    assert not hasher.verify(hasher.hash("Éléphant-2024-ß"), "Elephant-2024-ss")


# Codes: HMAC-SHA256 under a server key --------------------------------------------------------


@pytest.fixture(scope="module")
def codes(hasher: SecretHasher) -> CodeHasher:
    """A code hasher with a fixed key, falling back to Argon2id for codes stored before keying."""
    return CodeHasher(KEY, legacy=hasher)


def test_a_hashed_code_verifies(codes: CodeHasher):
    assert codes.verify(codes.hash("ABCDE-23456"), "ABCDE-23456")
    assert codes.verify(codes.hash("042917"), "042917")


@pytest.mark.parametrize("wrong", ["ABCDE-23457", "abcde-23456", "ABCDE23456", "ABCDE-23456 ", ""])
def test_a_wrong_code_is_refused(codes: CodeHasher, wrong: str):
    assert not codes.verify(codes.hash("ABCDE-23456"), wrong)


def test_a_value_made_under_another_key_is_refused(codes: CodeHasher):
    other = CodeHasher(OTHER_KEY)

    assert not codes.verify(other.hash("ABCDE-23456"), "ABCDE-23456")
    assert other.hash("ABCDE-23456") != codes.hash("ABCDE-23456")


def test_the_encoded_form_names_its_scheme_and_holds_only_the_mac(codes: CodeHasher):
    encoded = codes.hash("ABCDE-23456")

    assert re.fullmatch(r"hmac-sha256\$[0-9a-f]{64}", encoded)
    assert "ABCDE" not in encoded and "23456" not in encoded


def test_the_mac_is_hmac_sha256_as_rfc_4231_defines_it():
    # RFC 4231, test case 6: a 131-byte key, longer than SHA-256's block.
    rfc = CodeHasher(b"\xaa" * 131)

    assert rfc.hash("Test Using Larger Than Block-Size Key - Hash Key First") == (
        "hmac-sha256$60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    )


def test_the_same_code_under_the_same_key_gives_the_same_value(codes: CodeHasher):
    # What makes a restart on the same key verify the codes stored before it.
    assert CodeHasher(KEY).hash("042917") == codes.hash("042917")


def test_verification_compares_in_constant_time(codes: CodeHasher, monkeypatch: pytest.MonkeyPatch):
    compared: list[tuple[object, object]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hashing.hmac, "compare_digest", spy)

    assert codes.verify(codes.hash("042917"), "042917")
    assert not codes.verify(codes.hash("042917"), "042918")
    assert len(compared) == 2


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "hmac-sha256",
        "hmac-sha256$",
        "hmac-sha256$not-hex",
        "sha256$" + "0" * 64,
        "$argon2id$",
        "$argon2id$v=19$m=1024,t=1,p=1$bad$bad",
        "ABCDE-23456",
    ],
)
def test_a_garbage_code_value_is_refused_without_raising(codes: CodeHasher, garbage: str):
    assert codes.verify(garbage, "ABCDE-23456") is False


def test_a_truncated_code_value_is_refused(codes: CodeHasher):
    assert not codes.verify(codes.hash("ABCDE-23456")[:-2], "ABCDE-23456")


def test_a_code_stored_as_argon2id_before_keying_still_verifies(
    codes: CodeHasher, hasher: SecretHasher
):
    stored = hasher.hash("ABCDE-23456")

    assert codes.verify(stored, "ABCDE-23456")
    assert not codes.verify(stored, "ABCDE-23457")


def test_without_a_legacy_hasher_an_argon2id_value_is_refused(hasher: SecretHasher):
    assert not CodeHasher(KEY).verify(hasher.hash("ABCDE-23456"), "ABCDE-23456")


@pytest.mark.parametrize("key", [b"", b"short", bytes(31)])
def test_a_short_key_is_refused(key: bytes):
    with pytest.raises(ValueError):
        CodeHasher(key)
