"""The text of the general terms of use (CGU) and their PDF version."""

from __future__ import annotations

import functools

from fpdf import FPDF

TITLE = "Conditions Générales d'Utilisation de la Plateforme eSanté"

ARTICLES: tuple[tuple[str, str], ...] = (
    (
        "Article 1 - Objet",
        "Les présentes conditions règlent l'accès au compte eSanté et aux services de la Plateforme "
        "eSanté, notamment au Dossier de Soins Partagé (DSP).",
    ),
    (
        "Article 2 - Activation du compte",
        "Le compte est activé par son titulaire à l'aide de son matricule et du code d'activation "
        "reçu par courrier de l'Agence eSanté, puis sécurisé par un mot de passe personnel et un "
        "code à usage unique reçu par SMS ou par e-mail.",
    ),
    (
        "Article 3 - Confidentialité des moyens d'accès",
        "Le titulaire garde secrets son mot de passe, ses codes et ses produits LuxTrust. Il "
        "informe sans délai le helpdesk de toute perte ou de tout usage frauduleux.",
    ),
    (
        "Article 4 - Protection des données",
        "Les données de santé sont traitées conformément au règlement (UE) 2016/679 et à la "
        "législation luxembourgeoise. Chaque accès au DSP est tracé.",
    ),
    (
        "Article 5 - Assistance",
        "Le helpdesk de l'Agence eSanté répond au (+352) 27 12 50 18 33 et à helpdesk@esante.lu.",
    ),
)


def paragraph(document: FPDF, height: float, text: str) -> None:
    """Write a paragraph across the page and move below it."""
    document.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


@functools.cache
def pdf_bytes() -> bytes:
    """The CGU as a PDF document, built once."""
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", "B", 15)
    paragraph(document, 8, TITLE)
    document.ln(4)
    for heading, text in ARTICLES:
        document.set_font("Helvetica", "B", 12)
        paragraph(document, 7, heading)
        document.set_font("Helvetica", "", 11)
        paragraph(document, 6, text)
        document.ln(3)
    return bytes(document.output())
