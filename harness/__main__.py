"""Entry point of `python -m harness`, the conformance command line."""

from harness.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
