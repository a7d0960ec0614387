"""``${NAME}`` references to environment variables, so that profiles and accounts files hold no secret."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MissingVariable(ValueError):
    """A file names an environment variable that is not set."""


def expand(value: Any, where: str, environ: Mapping[str, str] | None = None) -> Any:
    """The value with every ${NAME} in its strings replaced, recursively through tables and lists."""
    variables = os.environ if environ is None else environ
    if isinstance(value, str):
        return _REFERENCE.sub(lambda match: _lookup(match.group(1), where, variables), value)
    if isinstance(value, dict):
        return {key: expand(item, where, variables) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item, where, variables) for item in value]
    return value


def _lookup(name: str, where: str, variables: Mapping[str, str]) -> str:
    """One variable's value, or an error saying which file needs it."""
    if name not in variables:
        raise MissingVariable(f"{where} needs the environment variable {name}, which is not set")
    return variables[name]
