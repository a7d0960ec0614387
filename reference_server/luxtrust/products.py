"""LuxTrust's products: how each one proves its holder's identity, and what it is called."""

from dataclasses import dataclass

TOTP = "totp"
PIN = "pin"
MOBILE = "mobile"


@dataclass(frozen=True)
class Product:
    """One kind of LuxTrust device, with its French name and the proof it asks for."""

    key: str
    label: str
    proof: str
    # RFC 8176 authentication method references: the password, the device's own factor, and
    # "mfa" because every LuxTrust login combines the two.
    amr: tuple[str, ...]
    serial_prefix: str
    serial_digits: int
    instructions: str


PRODUCTS: dict[str, Product] = {
    product.key: product
    for product in (
        Product(
            "token", "Token", TOTP, ("pwd", "otp", "mfa"), "TK", 8,
            "Appuyez sur le bouton de votre Token et saisissez le code à 6 chiffres qui s'affiche.",
        ),
        Product(
            "smartcard", "Smartcard", PIN, ("pwd", "sc", "pin", "mfa"), "", 9,
            "Insérez votre Smartcard dans le lecteur de cartes, puis saisissez son code PIN.",
        ),
        Product(
            "signing_stick", "Signing Stick", PIN, ("pwd", "hwk", "pin", "mfa"), "SG", 8,
            "Branchez votre Signing Stick sur un port USB, puis saisissez son code PIN.",
        ),
        Product(
            "eid", "Carte d'identité électronique", PIN, ("pwd", "sc", "pin", "mfa"), "", 9,
            "Insérez votre carte d'identité électronique dans le lecteur de cartes, "
            "puis saisissez son code PIN.",
        ),
        # "swk": a key held by the app; "mca": the approval travels over a second channel.
        Product(
            "mobile", "LuxTrust Mobile", MOBILE, ("pwd", "swk", "mca", "mfa"), "MB", 8,
            "Ouvrez l'application LuxTrust Mobile sur votre téléphone et approuvez la demande.",
        ),
    )
}
