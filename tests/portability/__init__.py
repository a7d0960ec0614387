"""Portability checks: the harness against portals it was not written with."""
