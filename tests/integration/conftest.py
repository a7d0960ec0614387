"""Real mail servers for the message-source tests, installed if missing: MailDev (npm), Dovecot (Debian).

A server that cannot be installed or started fails the tests that need it: a skip would let a
run that proved nothing look like a pass.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from real_servers import MAILDEV_MAJORS, Dovecot, MailDev, ServerUnavailable, dovecot, maildev


@pytest.fixture(scope="session", params=MAILDEV_MAJORS, ids=lambda major: f"maildev{major}")
def maildev_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MailDev]:
    """A MailDev of each major version the sources are proven against, for the whole session."""
    major = int(request.param)
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(maildev(major, tmp_path_factory.mktemp(f"maildev{major}")))
        except (ServerUnavailable, OSError) as error:  # OSError: e.g. .tools not writable
            pytest.fail(f"MailDev {major} is needed and could not be had: {error}", pytrace=False)
        yield server


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[Dovecot]:
    """A throwaway Dovecot IMAP server for the whole session."""
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(dovecot())
        except (ServerUnavailable, OSError) as error:  # OSError: e.g. .tools not writable
            pytest.fail(f"Dovecot is needed and could not be had: {error}", pytrace=False)
        yield server
