"""Serve the independent portal: ``python -m tests.portability.independent_portal --port 8100``."""

from __future__ import annotations

import argparse
import os

from .app import FAULTS
from .server import base_url, make_server

FAULTS_VARIABLE = "INDEPENDENT_PORTAL_FAULTS"


def parse_faults(text: str) -> frozenset[str]:
    """The fault names of a comma-separated list, refusing unknown ones."""
    faults = frozenset(name.strip() for name in text.split(",") if name.strip())
    unknown = faults - FAULTS
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown faults {sorted(unknown)}; known: {sorted(FAULTS)}")
    return faults


def main() -> None:
    """Parse the command line and serve until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.portability.independent_portal", description=__doc__
    )
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--faults",
        type=parse_faults,
        default=os.environ.get(FAULTS_VARIABLE, ""),
        help=f"comma-separated seeded faults (default: ${FAULTS_VARIABLE}): {', '.join(sorted(FAULTS))}",
    )
    arguments = parser.parse_args()
    server = make_server(arguments.faults, arguments.port, arguments.host)
    print(f"Portal: {base_url(server)}", flush=True)
    if arguments.faults:
        print(f"Seeded faults: {', '.join(sorted(arguments.faults))}", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
