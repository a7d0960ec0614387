"""The accounts file of provisioned identities and its ledger: each letter is taken once."""

from multiprocessing import Pool
from pathlib import Path

import pytest

from harness.accounts import AccountsFile, AccountsFileError, Request
from harness.environment import MissingVariable, expand
from harness.targets import TargetCapabilityMissing

ACCOUNTS = """\
[[identity]]
kind = "patient"
matricule = "1985061512345"
activation_code = "K7QPM-4XH2R"
first_name = "Anne"
last_name = "Weber"
birth_date = "1985-06-15"
email = "anne.weber@test.esante.lu"
mobile = "+352691234567"

[[identity]]
kind = "patient"
matricule = "1990010112346"
activation_code = "Q2WER-7TY8U"
first_name = "Luc"
last_name = "Schmit"
birth_date = "1990-01-01"
email = "luc.schmit@test.esante.lu"
mobile = "+352691234568"

  [[identity.luxtrust]]
  type = "token"
  label = "Token"
  serial = "TK-000123"
  user_id = "lschmit"
  password = "${LUXTRUST_PASSWORD}"
  totp_secret = "JBSWY3DPEHPK3PXP"

[[identity]]
kind = "professional"
matricule = "19750303123"
activation_code = "Z9XCV-5BN6M"
first_name = "Marie"
last_name = "Muller"
birth_date = "1975-03-03"
email = "marie.muller@test.esante.lu"
mobile = "+352691234569"
"""


@pytest.fixture
def accounts_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LUXTRUST_PASSWORD", "s3cret-from-env")
    path = tmp_path / "staging-accounts.toml"
    path.write_text(ACCOUNTS, encoding="utf-8")
    return path


def test_an_identity_is_taken_once_and_recorded_in_the_ledger_beside_the_file(accounts_path: Path):
    accounts = AccountsFile(accounts_path)
    first = accounts.take(Request("patient"), used_by="run 1")
    second = accounts.take(Request("patient"), used_by="run 1")

    assert {first.matricule, second.matricule} == {"1985061512345", "1990010112346"}
    assert accounts.ledger.parent == accounts_path.parent
    with pytest.raises(TargetCapabilityMissing, match="no fresh patient identity left"):
        accounts.take(Request("patient"), used_by="run 1")


def test_a_second_run_takes_fresh_identities_only(accounts_path: Path):
    taken = AccountsFile(accounts_path).take(Request("patient"), used_by="run 1")
    again = AccountsFile(accounts_path)

    assert again.fresh(Request("patient")) == 1
    assert again.take(Request("patient"), used_by="run 2").matricule != taken.matricule


def test_luxtrust_products_are_matched_and_secrets_come_from_the_environment(accounts_path: Path):
    persona = AccountsFile(accounts_path).take(Request("patient", luxtrust=("token",)), used_by="run")

    assert persona.matricule == "1990010112346"
    assert persona.device("token").password == "s3cret-from-env"
    assert persona.kind == "patient"


def test_kinds_are_kept_apart(accounts_path: Path):
    accounts = AccountsFile(accounts_path)

    assert accounts.take(Request("professional"), used_by="run").matricule == "19750303123"
    assert accounts.fresh() == 2
    with pytest.raises(TargetCapabilityMissing, match="minor patient"):
        accounts.take(Request("patient", minor=True), used_by="run")


def take_one(path: str) -> str:
    return AccountsFile(Path(path)).take(Request("patient"), used_by="worker").matricule


def test_two_workers_never_take_the_same_letter(accounts_path: Path):
    with Pool(2) as pool:
        taken = pool.map(take_one, [str(accounts_path)] * 2)

    assert sorted(taken) == ["1985061512345", "1990010112346"]


def test_a_missing_variable_names_the_file_and_the_variable(
    accounts_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("LUXTRUST_PASSWORD")

    with pytest.raises(MissingVariable, match="identity 2 needs the environment variable LUXTRUST_PASSWORD"):
        AccountsFile(accounts_path)


def test_an_identity_without_its_letter_is_refused(tmp_path: Path):
    path = tmp_path / "accounts.toml"
    path.write_text('[[identity]]\nkind = "patient"\nmatricule = "1985061512345"\n', encoding="utf-8")

    with pytest.raises(AccountsFileError, match="identity 1 has no activation_code, email, mobile"):
        AccountsFile(path)


def test_expand_walks_tables_and_lists():
    value = {"a": ["${X}", {"b": "pre-${X}-post"}], "n": 3}

    assert expand(value, "here", {"X": "1"}) == {"a": ["1", {"b": "pre-1-post"}], "n": 3}
