"""Conformance harness: traceability, reporting and tooling around the feature files."""
