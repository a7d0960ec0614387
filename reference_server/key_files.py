"""Server keys kept as files in the world's data directory, apart from the databases they protect."""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

KEY_BYTES = 32
OWNER_ONLY = 0o600


def load_or_create_key(path: Path, size: int = KEY_BYTES) -> bytes:
    """The key in a file, made by ``secrets.token_bytes`` on first use and readable by its owner only."""
    if not path.exists():
        _create(path, size)
    key = path.read_bytes()
    # A short or damaged key is an error, not a reason to make a new one: that would silently
    # invalidate everything the old key protects.
    if len(key) != size:
        raise ValueError(f"{path} holds {len(key)} bytes where a {size}-byte key was expected")
    return key


def _create(path: Path, size: int) -> None:
    """Write a fresh key under a temporary name, then link it into place unless another process did."""
    # mkstemp creates the file with mode 0600, so the key is never readable by others, even briefly.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(secrets.token_bytes(size))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, OWNER_ONLY)
        # A link appears whole or not at all, and never replaces a key another process made first.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
