"""The Conditions Générales d'Utilisation: the text shown on the page and the PDF to download."""

import functools

from fpdf import FPDF

TITLE = "Plateforme eSanté — Conditions Générales d'Utilisation"

ARTICLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Article 1 – Objet", (
        "Les présentes conditions générales d'utilisation (CGU) régissent l'accès à la "
        "plateforme eSanté et aux services qu'elle propose, notamment le Dossier de Soins "
        "Partagé (DSP).",
    )),
    ("Article 2 – Compte eSanté", (
        "L'accès aux services eSanté nécessite un compte eSanté activé. Le compte est "
        "personnel : l'utilisateur garde secrets son mot de passe et les codes à usage unique "
        "qu'il reçoit.",
        "L'activation se fait à l'aide du code d'activation figurant sur le courrier envoyé "
        "par l'Agence eSanté, ou depuis l'espace privé MyGuichet.lu avec un produit LuxTrust.",
    )),
    ("Article 3 – Authentification", (
        "L'utilisateur s'authentifie avec un produit LuxTrust ou avec son matricule, son mot "
        "de passe et un code à usage unique reçu par SMS ou par e-mail.",
    )),
    ("Article 4 – Dossier de Soins Partagé", (
        "Le DSP regroupe les données médicales et autres informations concernant le patient, "
        "utiles et pertinentes afin de favoriser la sécurité, la continuité et la coordination "
        "des soins. Le patient peut désigner des assistants DSP, qui disposent des mêmes droits "
        "que lui sur son dossier.",
    )),
    ("Article 5 – Protection des données", (
        "Les données sont traitées par l'Agence eSanté conformément au règlement (UE) 2016/679 "
        "et à la législation luxembourgeoise. Chaque accès au DSP est tracé et consultable par "
        "le patient.",
    )),
    ("Article 6 – Assistance", (
        "Le helpdesk de l'Agence eSanté répond au (+352) 27 12 50 18 33 et à "
        "helpdesk@esante.lu.",
    )),
)


@functools.cache
def pdf() -> bytes:
    """The CGU rendered once as a PDF document."""
    document = FPDF(format="A4")
    document.set_title(TITLE)
    document.set_author("Agence eSanté Luxembourg")
    document.add_page()
    document.set_font("Helvetica", "B", 15)
    _paragraph(document, TITLE, size=15, bold=True)
    for heading, paragraphs in ARTICLES:
        _paragraph(document, heading, size=12, bold=True)
        for paragraph in paragraphs:
            _paragraph(document, paragraph, size=11)
    return bytes(document.output())


def _paragraph(document: FPDF, text: str, *, size: int, bold: bool = False) -> None:
    """Write a block of text across the page, then move below it."""
    document.set_font("Helvetica", "B" if bold else "", size)
    # The PDF core fonts are Latin-1: typographic dashes become plain ones.
    latin1 = text.replace("—", "-").replace("–", "-").replace("’", "'")
    document.multi_cell(0, size * 0.55, latin1, new_x="LMARGIN", new_y="NEXT")
    document.ln(size * 0.25)
