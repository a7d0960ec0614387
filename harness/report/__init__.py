"""Evidence and a human-readable report of a run of the conformance scenarios."""
