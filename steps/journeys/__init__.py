"""Journeys: the tasks a scenario's people carry out, built on page objects and the target, never on steps."""
