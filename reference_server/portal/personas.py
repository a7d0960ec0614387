"""Made-up people for the test-support interface: Faker data and valid matricules."""

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from faker import Faker

from reference_server.domain import contact, matricule
from reference_server.portal.dsp_seed import MAX_DOCUMENTS, MAX_TRUST_CIRCLE, DspContent, DspSeeder
from reference_server.portal.register import Person, Practice, Register

LOCALITIES = (
    ("Luxembourg", "1"), ("Esch-sur-Alzette", "4"), ("Differdange", "4"), ("Dudelange", "3"),
    ("Ettelbruck", "9"), ("Diekirch", "9"), ("Wiltz", "9"), ("Echternach", "6"),
    ("Remich", "5"), ("Grevenmacher", "6"), ("Mersch", "7"), ("Strassen", "8"),
    ("Bertrange", "8"), ("Mamer", "8"), ("Hesperange", "5"), ("Sanem", "4"),
)
MOBILE_PREFIXES = ("621", "628", "661", "671", "691")
KINDS = ("patient", "professional")
LUXTRUST_DEVICES = ("token", "smartcard", "signing_stick", "eid", "mobile")
PROFESSIONS = (
    "Médecin généraliste", "Médecin spécialiste en cardiologie", "Médecin-dentiste",
    "Pharmacien", "Infirmier", "Masseur-kinésithérapeute", "Sage-femme",
)
# A minor persona is between these ages, in full years.
MINOR_AGES = (2, 17)


class PersonaError(ValueError):
    """A persona request asked for something impossible; the message says what."""


@dataclass(frozen=True)
class PersonaSpec:
    """What a caller may fix about a persona; everything else is made up."""

    kind: str = "patient"
    first_name: str | None = None
    last_name: str | None = None
    birth_date: dt.date | None = None
    email: str | None = None
    mobile: str | None = None
    matricule_digits: int = 13
    luxtrust: tuple[str, ...] = ()
    minor: bool = False
    # Whether the person also has a MyGuichet.lu private space (patient guide pp. 4–5).
    myguichet: bool = False
    # None: no DSP record is opened for the persona; a number: one is, with that many entries.
    dsp_documents: int | None = None
    trust_circle: int | None = None

    @property
    def seeds_dsp(self) -> bool:
        """Whether the persona's DSP record is opened and filled at creation."""
        return self.dsp_documents is not None or self.trust_circle is not None

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> "PersonaSpec":
        """Read a JSON request body, refusing unknown kinds and malformed values."""
        kind = str(raw.get("kind") or "patient")
        if kind not in KINDS:
            raise PersonaError(f"kind must be one of {', '.join(KINDS)}")
        birth = raw.get("birth_date")
        try:
            birth_date = dt.date.fromisoformat(str(birth)) if birth else None
        except ValueError as error:
            raise PersonaError("birth_date must be YYYY-MM-DD") from error
        texts = {key: (str(raw[key]) if raw.get(key) else None)
                 for key in ("first_name", "last_name", "email", "mobile")}
        digits = raw.get("matricule_digits", 13)
        if digits not in (11, 13) or (digits == 11 and kind != "professional"):
            raise PersonaError("matricule_digits is 13, or 11 for a professional")
        devices = raw.get("luxtrust") or []
        if not isinstance(devices, list) or not all(d in LUXTRUST_DEVICES for d in devices):
            raise PersonaError(f"luxtrust lists device types among {', '.join(LUXTRUST_DEVICES)}")
        minor = raw.get("minor", False)
        if not isinstance(minor, bool) or (minor and kind != "patient"):
            raise PersonaError("minor is true or false, and true only for a patient")
        myguichet = raw.get("myguichet", False)
        if not isinstance(myguichet, bool):
            raise PersonaError("myguichet is true or false")
        return cls(kind=kind, birth_date=birth_date, matricule_digits=int(digits),
                   luxtrust=tuple(devices), minor=minor, myguichet=myguichet,
                   dsp_documents=_count(raw, "dsp_documents", MAX_DOCUMENTS),
                   trust_circle=_count(raw, "trust_circle", MAX_TRUST_CIRCLE), **texts)


class PersonaFactory:
    """Create persons in the register, with Luxembourg-looking data."""

    def __init__(self, register: Register, seed: int | None = None) -> None:
        self._register = register
        # Luxembourg's locale has the country's surnames; its first names are only John and
        # Jane, so those come from the French and German locales spoken there.
        self._faker = Faker(["de_LU", "fr_FR", "de_DE"])
        self._random = random.Random(seed)
        if seed is not None:
            self._faker.seed_instance(seed)

    def create(self, spec: PersonaSpec, today: dt.date) -> Person:
        """Add a new person to the register; the matricule is unique and valid."""
        first = spec.first_name or self._faker[self._random.choice(("fr_FR", "de_DE"))].first_name()
        last = spec.last_name or self._faker["de_LU"].last_name()
        birth = self._birth_date(spec, today)
        locality, postcode_lead = self._random.choice(LOCALITIES)
        person = Person(
            matricule="",
            kind=spec.kind,
            first_name=first,
            last_name=last,
            birth_date=birth,
            email=self._email(spec.email, first, last),
            mobile=self._mobile(spec.mobile),
            street=f"{self._random.randint(1, 180)}, {self._faker['fr_FR'].street_name()}",
            postcode=f"L-{postcode_lead}{self._random.randint(0, 999):03d}",
            locality=locality,
        )
        person = self._register_with_free_matricule(person, spec.matricule_digits)
        if spec.kind == "professional":
            self._register.add_practice(person.matricule, self._practice(last))
        return person

    def dsp_content(self, person: Person, spec: PersonaSpec, today: dt.date) -> DspContent:
        """The documents and circle of trust asked for, from the factory's seeded generators."""
        seeder = DspSeeder(self._faker, self._random)
        return seeder.content(person, spec.dsp_documents or 0, spec.trust_circle or 0, today)

    def _birth_date(self, spec: PersonaSpec, today: dt.date) -> dt.date:
        """The given birth date, else an adult's or, for a minor, a child's of 2 to 17."""
        if spec.minor:
            youngest, oldest = MINOR_AGES
            latest = _years_before(today, youngest)
            earliest = _years_before(today, oldest + 1) + dt.timedelta(days=1)
            if spec.birth_date is None:
                return earliest + dt.timedelta(days=self._random.randint(0, (latest - earliest).days))
            if not earliest <= spec.birth_date <= latest:
                raise PersonaError(f"a minor is {youngest} to {oldest} years old")
            return spec.birth_date
        birth = spec.birth_date or self._faker["fr_FR"].date_of_birth(minimum_age=18, maximum_age=90)
        if birth > today:
            raise PersonaError("birth_date is in the future")
        return birth

    def _register_with_free_matricule(self, person: Person, digits: int) -> Person:
        """Try sequence numbers until one is free (and valid) for that birth date."""
        sequences = 100 if digits == 11 else 1000
        for sequence in self._random.sample(range(sequences), sequences):
            number = (
                matricule.make_eleven_digit(person.birth_date, sequence)
                if digits == 11
                else matricule.make(person.birth_date, sequence)
            )
            if number is None:
                continue
            candidate = Person(**{**person.__dict__, "matricule": number})
            if self._register.add_person(candidate):
                return candidate
        raise PersonaError("no free matricule left for that birth date")

    def _practice(self, last_name: str) -> Practice:
        """Where a professional practises, as the professional register records it."""
        locality, postcode_lead = self._random.choice(LOCALITIES)
        profession = self._random.choice(PROFESSIONS)
        return Practice(
            profession=profession,
            practice_name=f"Cabinet {last_name}",
            practice_street=f"{self._random.randint(1, 120)}, {self._faker['fr_FR'].street_name()}",
            practice_postcode=f"L-{postcode_lead}{self._random.randint(0, 999):03d}",
            practice_locality=locality,
        )

    def _email(self, given: str | None, first: str, last: str) -> str:
        """The given address if valid, else one on a reserved example domain."""
        if given:
            checked = contact.check_email(given)
            if checked.error:
                raise PersonaError("email is not a valid address")
            return checked.value
        local = f"{_ascii(first)}.{_ascii(last)}.{self._random.randint(1000, 9999)}"
        return f"{local}@{self._faker['fr_FR'].safe_domain_name()}"

    def _mobile(self, given: str | None) -> str:
        """The given number if it is a Luxembourg mobile, else a random one."""
        if given:
            checked = contact.check_mobile(given)
            if checked.error:
                raise PersonaError("mobile is not a Luxembourg mobile number")
            return checked.value
        prefix = self._random.choice(MOBILE_PREFIXES)
        return f"+352{prefix}{self._random.randint(0, 999_999):06d}"


def _count(raw: dict[str, object], key: str, most: int) -> int | None:
    """An optional whole number from 0 to `most`; None when absent."""
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
        raise PersonaError(f"{key} is a whole number from 0 to {most}")
    return value


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day some years earlier; 29 February becomes the 28th in other years."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _ascii(text: str) -> str:
    """Lower-case ASCII letters of a name, for an e-mail address."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isascii() and c.isalnum()) or "x"
