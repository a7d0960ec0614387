"""The eSanté password policy: at least 8 characters, one letter and one digit; not a common one.

The composition rule is the guide's. NIST SP 800-63B §5.1.1.2 and OWASP ASVS (2.1.7, V6.2.4) add
one the guide does not show: a password that appears in lists of passwords already known to
attackers is refused, since those are the first guesses of any attack. The list is zxcvbn's
(MIT licence): the 30,000 most frequent passwords of leaked sets, French keyboards' « azerty »
family included.
"""

from functools import cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

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
TOO_COMMON = (
    "Ce mot de passe est trop courant : il figure parmi les mots de passe que les pirates "
    "essaient en premier. Veuillez en choisir un autre."
)
# Words of this service that make a guessable password with a few digits after them.
SERVICE_WORDS = ("esante", "luxembourg", "luxtrust", "myguichet", "guichet")


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
    if not found and is_common(password):
        found.append(TOO_COMMON)
    if password != confirmation:
        found.append(MISMATCH)
    return found


def is_common(password: str) -> bool:
    """Whether a password is a known common one, or this service's name with a few digits."""
    # The lists are lower case, and « Azerty123 » is guessed as soon as « azerty123 » is.
    folded = password.casefold()
    if folded in _common_passwords():
        return True
    stem = folded.rstrip("0123456789!?.*@#-_ ")
    return stem.replace("é", "e").replace("-", "") in SERVICE_WORDS


@cache
def _common_passwords() -> frozenset[str]:
    """The blocklist, built once: a set, so that each check is a single lookup."""
    return frozenset(FREQUENCY_LISTS["passwords"])
