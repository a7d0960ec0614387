"""The catalogue of authentic sources in « Mes données », grouped as the patient guide shows it."""

import re
import unicodedata
from dataclasses import dataclass

DSP_NAME = "Dossier de soins partagé (DSP)"


@dataclass(frozen=True)
class Source:
    """One authentic source; only the DSP leads anywhere in this simulation."""

    name: str

    @property
    def slug(self) -> str:
        """The source's address in « Mes données », made of its name's plain letters."""
        plain = unicodedata.normalize("NFKD", self.name).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")

    @property
    def is_dsp(self) -> bool:
        """Whether this is the shared care record, the one source simulated here."""
        return self.name == DSP_NAME


GROUPS: tuple[tuple[str, tuple[Source, ...]], ...] = tuple(
    (group, tuple(Source(name) for name in names))
    for group, names in (
        ("Citoyenneté", (
            "Registre national des personnes physiques", "Certificat de résidence",
            "Certificat d'inscription à une adresse de référence", "Certificat de résidence élargi",
        )),
        ("Famille & Éducation", ("Prestations familiales", "Congé parental")),
        ("Fiscalité", ("Abonnement aux courriers de l'ACD",)),
        ("Logement & Construction", (
            "Aides au logement", "Cadastre", "Chasse", "Crédit d'impôt sur acte notarié",
        )),
        ("Loisirs", ("Formations dans le domaine du sport", "Aptitudes sportives")),
        ("Santé & Sécurité sociale", (
            "CovidCheck Certificats", "Association d'assurance accident (AAA)", "Caisse de maladie",
            "Gouvernance de la sécurité sociale (CCSS)", DSP_NAME,
        )),
        ("Transport", (
            "Avertissements Taxés", "Détail du permis", "Permis à points",
            "Taxe sur les véhicules routiers (Autosteuer)",
            "Véhicules et numéros d'immatriculation",
        )),
        ("Travail", ("Pension complémentaire", "ADEM : Espace MyADEM")),
    )
)


def source(slug: str) -> Source | None:
    """The catalogue's source with that address, if any."""
    return next((s for _, sources in GROUPS for s in sources if s.slug == slug), None)
