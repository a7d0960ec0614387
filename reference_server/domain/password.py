"""The eSanté password policy: at least 8 characters, one letter and one digit."""

MIN_LENGTH = 8
# Bounded so that hashing an attacker's input stays cheap and predictable.
MAX_LENGTH = 128

POLICY_TEXT = (
    "Le mot de passe doit faire au minimum 8 caractères, comprendre au moins un caractère "
    "alphabétique et au moins un caractère numérique."
)

TOO_SHORT = "Le mot de passe doit faire au minimum 8 caractères."
TOO_LONG = "Le mot de passe ne doit pas dépasser 128 caractères."
NO_LETTER = "Le mot de passe doit comprendre au moins un caractère alphabétique."
NO_DIGIT = "Le mot de passe doit comprendre au moins un caractère numérique."
MISMATCH = "La confirmation ne correspond pas au mot de passe saisi."
MISSING = "Veuillez saisir un mot de passe."


def problems(password: str, confirmation: str) -> list[str]:
    """Every rule the password breaks, each as its own French message, in a stable order."""
    if not password:
        return [MISSING]
    found = []
    if len(password) < MIN_LENGTH:
        found.append(TOO_SHORT)
    if len(password) > MAX_LENGTH:
        found.append(TOO_LONG)
    if not any(c.isalpha() for c in password):
        found.append(NO_LETTER)
    if not any(c.isdigit() for c in password):
        found.append(NO_DIGIT)
    if password != confirmation:
        found.append(MISMATCH)
    return found
