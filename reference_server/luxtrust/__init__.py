"""The simulated LuxTrust identity provider: its products, login pages and OpenID Connect endpoints."""
