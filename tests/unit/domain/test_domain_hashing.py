"""Tests of the Argon2id hashing of stored secrets."""

from __future__ import annotations

import pytest

from reference_server.domain.hashing import SecretHasher


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
