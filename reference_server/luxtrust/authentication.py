"""Checking what a person presents: the device's password, then its code, PIN or phone approval."""

import hmac
import re
import secrets
import string
from dataclasses import dataclass
from enum import Enum

import pyotp

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.products import PIN, PRODUCTS, TOTP, Product
from reference_server.luxtrust.store import Device, LuxTrustStore, NewDevice, Person

# User ids avoid characters people confuse when reading them from a letter (0/O, 1/I).
USER_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_ALPHABET = string.ascii_letters + string.digits
TOTP_CODE = re.compile(r"\d{6}")
# Serial numbers and user ids are random, so a collision is rare; a few retries settle it.
ENROLMENT_ATTEMPTS = 20


class Verdict(Enum):
    """How a check ended."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class Outcome:
    """A check's verdict, the device it concerns and how many tries the device has left."""

    verdict: Verdict
    device: Device | None = None
    tries_left: int = 0


@dataclass(frozen=True)
class Enrolment:
    """A new device with its secrets in clear, as handed to its holder once."""

    device: Device
    password: str
    pin: str | None
    totp_secret: str | None


class Authenticator:
    """Enrol devices and check their credentials, counting failures and locking devices."""

    def __init__(self, store: LuxTrustStore, clock: Clock, hasher: SecretHasher, max_failures: int) -> None:
        self._store = store
        self._clock = clock
        self._hasher = hasher
        self._max_failures = max_failures
        # Unknown user ids are checked against this hash, so they take as long as known ones.
        self._decoy_hash = hasher.hash(secrets.token_urlsafe(16))

    def enrol(self, person: Person, product: Product) -> Enrolment:
        """Create a device of this product for a person, with fresh credentials."""
        password = _password()
        pin = "".join(secrets.choice(string.digits) for _ in range(6)) if product.proof == PIN else None
        totp_secret = pyotp.random_base32() if product.proof == TOTP else None
        password_hash = self._hasher.hash(password)
        pin_hash = self._hasher.hash(pin) if pin else None
        for _ in range(ENROLMENT_ATTEMPTS):
            serial = _serial(product)
            new = NewDevice(serial, product.key, _user_id(), person, password_hash, pin_hash, totp_secret)
            if self._store.add_device(new):
                device = self._store.device(serial)
                assert device is not None
                return Enrolment(device, password, pin, totp_secret)
        raise RuntimeError("no free serial number or user id was found")

    def check_password(self, product_key: str, user_id: str, password: str) -> Outcome:
        """The first step: a user id of the chosen product and its password."""
        device = self._store.device_by_user_id(user_id.strip().upper())
        if device is None:
            self._hasher.verify(self._decoy_hash, password)
            return Outcome(Verdict.WRONG)
        right = self._hasher.verify(device.password_hash, password) and device.type == product_key
        if device.locked:
            # Only the right password learns that the device is locked; others get the usual answer.
            return Outcome(Verdict.LOCKED if right else Verdict.WRONG, device)
        if not right:
            return self._failure(device)
        return Outcome(Verdict.OK, device)

    def check_proof(self, serial: str, proof: str) -> Outcome:
        """The second step: the Token's code or the card's PIN."""
        device = self._store.device(serial)
        if device is None or device.locked:
            return Outcome(Verdict.LOCKED, device)
        product = PRODUCTS[device.type]
        if product.proof == TOTP:
            right = self._totp_accepted(device, proof)
        else:
            right = device.pin_hash is not None and self._hasher.verify(device.pin_hash, proof)
        return Outcome(Verdict.OK, device) if right else self._failure(device)

    def _failure(self, device: Device) -> Outcome:
        """Count a failure; the one that reaches the limit locks the device."""
        counted = self._store.record_failure(device.serial, self._max_failures)
        if counted.locked:
            return Outcome(Verdict.LOCKED, counted)
        return Outcome(Verdict.WRONG, counted, self._max_failures - counted.failures)

    def _totp_accepted(self, device: Device, code: str) -> bool:
        """RFC 6238 with one step of drift either way, each time step accepted at most once."""
        if device.totp_secret is None or not TOTP_CODE.fullmatch(code):
            return False
        totp = pyotp.TOTP(device.totp_secret)
        now = self._clock.now()
        if not totp.verify(code, for_time=now, valid_window=1):
            return False
        # verify() does not say which step matched; the replay check needs that counter.
        current = totp.timecode(now)
        matching = [
            counter for counter in (current - 1, current, current + 1)
            if hmac.compare_digest(totp.generate_otp(counter), code)
        ]
        return self._store.accept_totp_counter(device.serial, max(matching))


def _serial(product: Product) -> str:
    """A serial number in the product's scheme, e.g. TK12345678 or 123456789."""
    digits = "".join(secrets.choice(string.digits) for _ in range(product.serial_digits))
    return product.serial_prefix + digits


def _user_id() -> str:
    """An eight-character user id such as LT4F9K2Q."""
    return "LT" + "".join(secrets.choice(USER_ID_ALPHABET) for _ in range(6))


def _password() -> str:
    """A twelve-character initial password with lower case, upper case and digits."""
    while True:
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(12))
        classes = (str.islower, str.isupper, str.isdigit)
        if all(any(test(c) for c in password) for test in classes):
            return password
