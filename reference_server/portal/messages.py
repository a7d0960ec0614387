"""What the portal sends through the gateway: one-time codes and notices, worded per channel."""

from reference_server.portal.accounts import Account
from reference_server.portal.services import PortalServices

CODE_SUBJECT = "Votre code à usage unique eSanté"
SIGNATURE = "Agence eSanté Luxembourg"


def send_code(services: PortalServices, channel: str, destination: str, code: str, purpose: str) -> None:
    """Send a one-time code; `purpose` completes « pour … » (e.g. « vous connecter »)."""
    minutes = int(services.config.one_time_code_ttl.total_seconds() // 60)
    if channel == "sms":
        body = (
            f"eSanté : votre code à usage unique est {code}. "
            f"Il est valable {minutes} minutes. Ne le communiquez à personne."
        )
    else:
        body = (
            "Bonjour,\n\n"
            f"Votre code à usage unique pour {purpose} est : {code}\n\n"
            f"Ce code est valable {minutes} minutes et ne sert qu'une fois. Si vous n'êtes pas "
            f"à l'origine de cette demande, ignorez ce message.\n\n{SIGNATURE}"
        )
    services.messaging.send(channel, destination, CODE_SUBJECT, body)


def notify(services: PortalServices, account: Account, subject: str, what: str) -> None:
    """Tell the account holder of a change, by e-mail, or by SMS when there is no address."""
    body = (
        f"Bonjour {account.first_name} {account.last_name},\n\n{what}\n\n"
        "Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement notre helpdesk "
        f"au (+352) 27 12 50 18 33.\n\n{SIGNATURE}"
    )
    if account.email:
        services.messaging.send("email", account.email, subject, body)
    elif account.mobile:
        services.messaging.send("sms", account.mobile, subject, f"eSanté : {what}")
