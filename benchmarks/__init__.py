"""Benchmarks of the harness and the reference world: one command, one JSON file per run."""
