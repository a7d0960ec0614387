"""The portal's public pages: home, the « Connexion » choice, the patient page and sections."""

from pathlib import Path

from bottle import Bottle, request, static_file

from reference_server.portal.messaging_client import GatewayError
from reference_server.portal.publications import Publication
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, render

STATIC = str(Path(__file__).parent / "static")

SECTIONS = {
    "/patients": (
        "Patients",
        ("Activez votre compte eSanté pour accéder à votre Dossier de Soins Partagé (DSP).",
         "Trois possibilités : le portail MyGuichet.lu, le portail eSanté avec le code "
         "d'activation reçu par courrier, ou l'app MyDSP."),
        (("Activer mon compte", "/patient"),),
    ),
    "/professionnels-de-sante": (
        "Professionnels de santé",
        ("Activez votre compte eSanté et accédez à plusieurs services de santé en ligne : le DSP, "
         "le remboursement accéléré des mémoires d'honoraires, et bientôt le carnet de "
         "vaccination électronique et la prescription digitale.",),
        (("Activation compte eSanté", "/activation/professionnel"),
         ("Accès services eSanté", "/acces-services")),
    ),
    "/acces-services": (
        "Accès services eSanté",
        ("Connectez-vous avec « Connexion » en haut de page pour accéder à « Mes services eSanté ».",),
        (("Connexion", "/connexion"),),
    ),
    "/editeurs": (
        "Editeurs",
        ("Informations destinées aux éditeurs de logiciels qui intègrent les services eSanté.",),
        (),
    ),
    "/infos-esante": (
        "Infos e-santé",
        ("Actualités et informations de l'Agence eSanté.",),
        (),
    ),
    "/aide": (
        "Besoin d'aide",
        ("Notre helpdesk vous répond au (+352) 27 12 50 18 33 et à helpdesk@esante.lu, ou en "
         "rendez-vous en ligne via l'eHelpdesk.",
         "Les quick guides de l'Agence eSanté décrivent pas à pas l'activation du compte et "
         "l'accès au DSP."),
        (("Activer mon compte patient", "/aide/activation-patient"), ("eHelpdesk", "/ehelpdesk")),
    ),
    "/aide/activation-patient": (
        "Guide en ligne : activer mon compte eSanté",
        ("1. Sur www.esante.lu, cliquez sur « Connexion » puis sur « Patient », et ensuite sur "
         "« J'active mon compte ».",
         "2. Acceptez les Conditions Générales d'Utilisation et cliquez sur « Activer mon compte ».",
         "3. Renseignez votre matricule à 13 chiffres et cliquez sur « Valider » ; répondez « Oui » "
         "et entrez le code d'activation du courrier de l'Agence eSanté.",
         "4. Définissez un mot de passe d'au moins 8 caractères, avec au moins une lettre et un "
         "chiffre, et confirmez-le.",
         "5. Choisissez de recevoir un code à usage unique par SMS ou par e-mail, puis saisissez-le.",
         "6. Associez si vous le souhaitez un produit LuxTrust, puis terminez l'activation.",
         "Sans code d'activation, utilisez « Je n'ai pas de code d'activation » sur la page patient."),
        (("Commencer l'activation", "/activation/patient"),),
    ),
    "/ehelpdesk": (
        "eHelpdesk",
        ("Le guichet virtuel de l'Agence eSanté : prenez rendez-vous en ligne avec un agent du "
         "helpdesk, qui vous accompagne à l'écran.",
         "Ce monde de référence ne simule pas la prise de rendez-vous : appelez le helpdesk au "
         "(+352) 27 12 50 18 33."),
        (),
    ),
}


def create_app(services: PortalServices) -> Bottle:
    """The site's pages, merged into the portal's root app."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    app.route("/", "GET", lambda: render("home.tpl"))
    app.route("/connexion", "GET", lambda: render("connexion.tpl"))
    app.route("/patient", "GET", lambda: render("patient.tpl"))
    app.route("/professionnel", "GET", lambda: render("professionnel.tpl"))
    for path, (heading, paragraphs, links) in SECTIONS.items():
        app.route(path, "GET", _section(heading, paragraphs, links))
    app.route("/recherche", "GET", search)
    app.route("/actualites", "GET", lambda: render("news.tpl", publications=services.publications.latest()))
    app.route("/static/<filename:path>", "GET", lambda filename: static_file(filename, root=STATIC),
              skip=[SessionPlugin])
    return app


def announce(services: PortalServices, publication: Publication) -> tuple[int, int]:
    """E-mail the accounts that asked to hear of this kind of publication; how many were told, and not."""
    label = "Nouvel événement" if publication.kind == "event" else "Nouveau sondage"
    recipients = services.accounts.subscribers(publication.kind)
    body = (
        f"Bonjour,\n\n{label} sur le portail eSanté : « {publication.title} ».\n\n"
        "Vous recevez ce message selon vos préférences de notification, modifiables dans "
        "« Gérer mon compte » → « Informations personnelles ».\n\nAgence eSanté Luxembourg"
    )
    for told, address in enumerate(recipients):
        try:
            services.messaging.send("email", address, f"{label} : {publication.title}", body)
        except GatewayError:
            # Not a security notice: the publication stands. The gateway is down, so the other
            # recipients would fail the same way.
            return told, len(recipients) - told
    return len(recipients), 0


def search() -> str:
    """The portal's pages whose title or text contain the words searched for."""
    query = (request.query.getunicode("q", default="") or "").strip()
    found = [
        (heading, path)
        for path, (heading, paragraphs, _links) in SECTIONS.items()
        if query and query.lower() in " ".join((heading, *paragraphs)).lower()
    ]
    paragraphs = (f"{len(found)} page(s) pour « {query} »." if query else "Saisissez un mot à rechercher.",)
    return render("section.tpl", heading="Recherche", paragraphs=paragraphs, links=found)


def _section(heading: str, paragraphs: tuple[str, ...], links: tuple[tuple[str, str], ...]):  # noqa: ANN202
    """A handler rendering one informational section."""
    return lambda: render("section.tpl", heading=heading, paragraphs=paragraphs, links=links)
