"""An independent patient-activation portal, written from the Agence eSanté quick guide alone."""

from .app import FAULTS, create_app

__all__ = ["FAULTS", "create_app"]
