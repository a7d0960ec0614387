"""Made-up DSP content for the test-support interface: real PDF documents and a circle of trust."""

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from faker import Faker
from fpdf import FPDF

from reference_server.portal.dsp_records import NewDocument, Professional, SeededDocument
from reference_server.portal.register import Person

MAX_DOCUMENTS = 10
MAX_TRUST_CIRCLE = 5
# How far back seeded documents go.
HISTORY_DAYS = 3 * 365

CONSULTATION = (
    "Motif de consultation : contrôle de routine.",
    "Examen clinique : tension artérielle 12/8, auscultation cardio-pulmonaire normale, "
    "abdomen souple et indolore.",
    "Conclusion : pas d'anomalie décelée. Prochain contrôle dans un an.",
)
HOSPITAL = (
    "Motif d'admission : surveillance après une intervention programmée.",
    "Évolution : suites simples, apyrexie, reprise de l'alimentation le lendemain.",
    "Traitement de sortie : antalgiques simples selon la douleur. Contrôle chez le médecin "
    "traitant dans dix jours.",
)
BLOOD = (
    "Hémoglobine : 14,2 g/dl (valeurs de référence 12,0 - 16,0).",
    "Leucocytes : 6 800 /µl (4 000 - 10 000). Plaquettes : 245 000 /µl (150 000 - 400 000).",
    "Glycémie à jeun : 0,92 g/l (0,70 - 1,10).",
    "Conclusion : résultats dans les valeurs de référence.",
)
LIPIDS = (
    "Cholestérol total : 1,85 g/l. HDL : 0,58 g/l. LDL : 1,05 g/l. Triglycérides : 1,10 g/l.",
    "Conclusion : bilan lipidique satisfaisant.",
)
URINE = (
    "Aspect : clair. Leucocytes : absents. Nitrites : négatifs. Protéines : absentes.",
    "Conclusion : pas d'argument pour une infection urinaire.",
)
IMAGING = (
    "Technique : acquisition standard, sans injection de produit de contraste.",
    "Résultat : pas d'anomalie osseuse ni des parties molles décelée.",
    "Conclusion : examen dans les limites de la normale.",
)
PRESCRIPTION = (
    "Paracétamol 500 mg : 1 comprimé jusqu'à 3 fois par jour pendant 5 jours.",
    "Ibuprofène 200 mg : 1 comprimé au cours du repas si nécessaire, 3 fois par jour au plus.",
    "Ordonnance non renouvelable.",
)
VACCINATION = (
    "Vaccin administré : DTPa-IPV (rappel), injection intramusculaire dans le deltoïde gauche.",
    "Prochain rappel recommandé dans dix ans.",
)
ECG = (
    "Rythme sinusal régulier à 68 battements par minute. Axe normal.",
    "Pas de trouble de la conduction ni de la repolarisation.",
    "Conclusion : électrocardiogramme normal.",
)
MODELS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Compte rendu de consultation", "Compte rendu", CONSULTATION),
    ("Compte rendu d'hospitalisation", "Compte rendu", HOSPITAL),
    ("Lettre de sortie", "Compte rendu", HOSPITAL),
    ("Résultat d'analyse sanguine", "Résultat d'analyse", BLOOD),
    ("Bilan lipidique", "Résultat d'analyse", LIPIDS),
    ("Analyse d'urine", "Résultat d'analyse", URINE),
    ("Radiographie thoracique", "Imagerie", IMAGING),
    ("Échographie abdominale", "Imagerie", IMAGING),
    ("IRM du genou droit", "Imagerie", IMAGING),
    ("Ordonnance médicale", "Ordonnance", PRESCRIPTION),
    ("Certificat de vaccination", "Autre", VACCINATION),
    ("Électrocardiogramme de repos", "Résultat d'analyse", ECG),
)
# The first member of a circle is the referring general practitioner.
REFERRING = ("Médecin généraliste", "Médecin référent")
SPECIALISTS = (
    ("Pédiatre", "Médecin traitant"),
    ("Cardiologue", "Spécialiste consulté"),
    ("Dermatologue", "Spécialiste consulté"),
    ("Ophtalmologue", "Spécialiste consulté"),
    ("Médecin-dentiste", "Dentiste traitant"),
    ("Gynécologue", "Spécialiste consulté"),
)
PRACTICE_TOWNS = (
    "L-1536 Luxembourg", "L-4240 Esch-sur-Alzette", "L-9080 Ettelbruck", "L-8010 Strassen",
    "L-3440 Dudelange", "L-7535 Mersch", "L-6460 Echternach", "L-5850 Hesperange",
)


@dataclass(frozen=True)
class DspContent:
    """What a seeded record holds."""

    documents: list[SeededDocument]
    circle: list[Professional]


class DspSeeder:
    """Documents and professionals from a seeded Faker and random generator."""

    def __init__(self, faker: Faker, rng: random.Random) -> None:
        self._faker = faker
        self._random = rng

    def content(self, person: Person, documents: int, circle: int, today: dt.date) -> DspContent:
        """Documents newest first, dated in the past, and the circle of trust."""
        return DspContent(self.documents(person, documents, today), self.circle(circle, today))

    def documents(self, person: Person, count: int, today: dt.date) -> list[SeededDocument]:
        """Distinct medical documents on distinct past days, newest first."""
        span = max(min(HISTORY_DAYS, (today - person.birth_date).days), count + 1)
        days_ago = sorted(self._random.sample(range(1, span + 1), count))
        models = self._random.sample(MODELS, count)
        seeded = []
        for days, (title, kind, paragraphs) in zip(days_ago, models, strict=True):
            date = today - dt.timedelta(days=days)
            author = f"Dr {self._name()}"
            content = medical_pdf(title, author, person, date, paragraphs)
            seeded.append(SeededDocument(NewDocument(title, kind, "application/pdf", content), author, date))
        return seeded

    def circle(self, count: int, today: dt.date) -> list[Professional]:
        """The referring practitioner first, then specialists."""
        kinds = [REFERRING, *self._random.sample(SPECIALISTS, max(count - 1, 0))][:count]
        return [self._professional(kind, role, today) for kind, role in kinds]

    def _professional(self, kind: str, role: str, today: dt.date) -> Professional:
        """One doctor of the circle, with a Luxembourg landline and a practice."""
        first, last = self._faker["fr_FR"].first_name(), self._faker["de_LU"].last_name()
        digits = [self._random.randint(10, 99) for _ in range(3)]
        return Professional(
            name=f"Dr {first} {last}",
            type=kind,
            role=role,
            contact=f"+352 {self._random.choice(('26', '27', '44', '45', '49'))} "
                    + " ".join(str(d) for d in digits),
            email=f"cabinet.{_ascii(last)}@{self._faker['fr_FR'].safe_domain_name()}",
            practice=f"{self._random.randint(1, 120)}, {self._faker['fr_FR'].street_name()}, "
                     f"{self._random.choice(PRACTICE_TOWNS)}",
            since=today - dt.timedelta(days=self._random.randint(60, 3000)),
        )

    def _name(self) -> str:
        """A doctor's first and last name."""
        return f"{self._faker['fr_FR'].first_name()} {self._faker['de_LU'].last_name()}"


def medical_pdf(
    title: str, author: str, patient: Person, date: dt.date, paragraphs: tuple[str, ...]
) -> bytes:
    """A one-page medical document as a real PDF."""
    document = FPDF(format="A4")
    document.set_title(title)
    document.set_author(author)
    document.add_page()
    _paragraph(document, author, size=12, bold=True)
    _paragraph(document, "Cabinet médical - Luxembourg", size=10)
    document.ln(4)
    _paragraph(document, title, size=15, bold=True)
    _paragraph(document, f"Patient : {patient.first_name} {patient.last_name}, "
                         f"né(e) le {patient.birth_date.strftime('%d/%m/%Y')}", size=11)
    _paragraph(document, f"Date : {date.strftime('%d/%m/%Y')}", size=11)
    document.ln(2)
    for paragraph in paragraphs:
        _paragraph(document, paragraph, size=11)
    _paragraph(document, author, size=11, bold=True)
    return bytes(document.output())


def _paragraph(document: FPDF, text: str, *, size: int, bold: bool = False) -> None:
    """Write a block of text across the page, then move below it."""
    document.set_font("Helvetica", "B" if bold else "", size)
    # The PDF core fonts are Latin-1: anything else is replaced rather than refused.
    latin1 = text.replace("—", "-").replace("–", "-").replace("’", "'")
    latin1 = latin1.encode("latin-1", "replace").decode("latin-1")
    document.multi_cell(0, size * 0.55, latin1, new_x="LMARGIN", new_y="NEXT")
    document.ln(size * 0.25)


def _ascii(text: str) -> str:
    """Lower-case ASCII letters of a name, for an e-mail address."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isascii() and c.isalnum()) or "cabinet"
