"""Run the reference world on loopback: python -m reference_server [--test-support] [--port N].

``python -m reference_server provision …`` registers test identities and writes their accounts file.
"""

import argparse
import contextlib
import signal
import sys
import threading
from pathlib import Path

from reference_server import provision
from reference_server.config import WorldConfig
from reference_server.world import World


def smtp_address(text: str) -> tuple[str, int]:
    """HOST:PORT of an SMTP relay, as argparse reads it."""
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]"), int(port)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line of the reference world."""
    parser = argparse.ArgumentParser(
        prog="python -m reference_server",
        description="Serve the eSanté reference world (portal, LuxTrust, MyGuichet.lu, messaging gateway)"
        " on 127.0.0.1.",
    )
    parser.add_argument("--port", type=int, default=0, help="portal port (default: a free one)")
    parser.add_argument("--messaging-port", type=int, default=0, help="gateway port (default: a free one)")
    parser.add_argument("--luxtrust-port", type=int, default=0, help="LuxTrust port (default: a free one)")
    parser.add_argument("--myguichet-port", type=int, default=0,
                        help="MyGuichet.lu port (default: a free one)")
    parser.add_argument("--test-support", action="store_true", help="serve the /_test/ interface")
    parser.add_argument("--without-shortcuts", action="store_true",
                        help="leave the shortcuts to activated and signed-in states out of /_test/, "
                             "as a portal whose test support offers only personas and messages")
    parser.add_argument("--data", type=Path, help="directory for the SQLite files (default: temporary)")
    parser.add_argument("--seed", type=int, help="seed for made-up persona data")
    parser.add_argument("--smtp", type=smtp_address, metavar="HOST:PORT",
                        help="also send every e-mail by plain SMTP to this server, e.g. a mail catcher")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Start the world, print its URLs, and serve until Ctrl-C or SIGTERM; or provision identities."""
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["provision"]:
        return provision.main(given[1:])
    args = parse_args(given)
    config = WorldConfig(
        data_dir=args.data, test_support=args.test_support, test_shortcuts=not args.without_shortcuts,
        portal_port=args.port, messaging_port=args.messaging_port, luxtrust_port=args.luxtrust_port,
        myguichet_port=args.myguichet_port, smtp_relay=args.smtp,
    )
    world = World(config, persona_seed=args.seed)
    urls = world.start()
    print(f"Portal: {urls.portal}", flush=True)
    print(f"Messaging outbox: {urls.messaging}", flush=True)
    if args.smtp:
        print(f"E-mails also sent by SMTP to {args.smtp[0]}:{args.smtp[1]}", flush=True)
    print(f"LuxTrust: {urls.luxtrust}", flush=True)
    print(f"MyGuichet.lu: {urls.myguichet}", flush=True)
    if args.test_support:
        print(f"Test support: {urls.test_support}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with contextlib.suppress(KeyboardInterrupt):
        stop.wait()
    world.stop()
    print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
