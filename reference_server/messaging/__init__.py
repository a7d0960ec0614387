"""The SMS and e-mail gateway: it keeps every message it is asked to deliver in an outbox."""
