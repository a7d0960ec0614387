"""Provisioning: identities registered as the agency would, served afterwards without /_test/."""

from pathlib import Path

from server_http import WIZARD, Visitor, accept_cgu, submit_code

from harness.accounts import AccountsFile, Request
from reference_server import provision
from reference_server.config import WorldConfig
from reference_server.world import World


def test_provisioned_letters_work_on_the_world_served_without_test_support(tmp_path: Path):
    data = tmp_path / "world"
    identities = provision.provision(data, count=4, seed=7)
    accounts_path = tmp_path / "accounts.toml"
    accounts_path.write_text(provision.accounts_toml(identities), encoding="utf-8")
    accounts = AccountsFile(accounts_path)

    assert accounts.fresh(Request("patient")) == 3
    assert accounts.fresh(Request("patient", luxtrust=("token",))) == 1
    assert accounts.fresh(Request("professional", luxtrust=("token",))) == 1
    patient = accounts.take(Request("patient"), used_by="test")

    with World(WorldConfig(data_dir=data)) as urls:
        visitor = Visitor(urls.portal)
        assert visitor.get("_test/personas").status == 404
        accept_cgu(visitor)
        reply = submit_code(visitor, patient.matricule, patient.activation_code)

    assert reply.status == 303 and reply.location == f"{WIZARD}/etape-2"
