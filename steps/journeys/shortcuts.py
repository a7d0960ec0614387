"""The fastest honest way to a Given's state: the target's shortcut where it offers one, else the walk.

A scenario that is not about a walk only needs the state the walk leaves: an active account, a
signed-in session, an assistant. Targets may offer shortcuts to those states (optional calls of
the test-support contract); where one is missing, the journey walks the portal's pages instead.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext

from harness.targets import BrowserSession, TargetCapabilityMissing

# The guide's channel names (« Mobile », « E-mail ») as the contract's one-time code channels.
CODE_CHANNELS = {"Mobile": "sms", "E-mail": "email"}


def take_shortcut(call: Callable[[], object]) -> bool:
    """Make a shortcut call; False when the target does not offer it, so the caller walks."""
    try:
        call()
    except TargetCapabilityMissing:
        return False
    return True


def give_session(context: BrowserContext, session: BrowserSession) -> None:
    """Give the browser the cookies of a session the target opened, for the portal's address."""
    origin = urlsplit(session.url)
    context.add_cookies([
        {
            "name": str(cookie["name"]),
            "value": str(cookie["value"]),
            # A cookie set by URL takes that URL's host and the cookie's own path.
            "url": f"{origin.scheme}://{origin.netloc}{cookie.get('path') or '/'}",
            "httpOnly": bool(cookie.get("httpOnly", True)),
            "secure": origin.scheme == "https",
            "sameSite": str(cookie.get("sameSite") or "Lax"),
        }
        for cookie in session.cookies
    ])
