"""What people type: a password that follows the policy, a number as written locally, a wrong code."""

from faker import Faker


def strong_password(faker: Faker) -> str:
    """A password that follows the guide's policy, with room to spare."""
    return faker.password(length=12, special_chars=False, digits=True, upper_case=True)


def new_mobile(faker: Faker) -> str:
    """Another Luxembourg mobile number, written as people type it."""
    return f"+352 691 {faker.numerify('### ###')}"


def local_mobile(e164: str) -> str:
    """A Luxembourg number as people write it: 691 123 456."""
    digits = e164.removeprefix("+352")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def wrong_code(sent: str) -> str:
    """A six-digit one-time code that differs from the one sent."""
    return f"{(int(sent) + 1) % 1_000_000:06d}"
