# language: fr
@professionnel
Fonctionnalité: Gérer son compte : mot de passe, moyens d'authentification et notifications
  Quick guide professionnel de santé, pages 12 à 14 : définir un mot de passe pour le cas où le
  produit LuxTrust serait indisponible, changer le téléphone, l'e-mail, les produits LuxTrust et
  le mot de passe, et choisir ses notifications par e-mail. Les patients partagent ces pages.

  @p12 @PRO-12-01 @PRO-12-02 @PRO-12-03 @PRO-12-04 @PRO-12-05 @p13 @PRO-13-07
  Scénario: Le professionnel définit un mot de passe et s'en sert quand LuxTrust est indisponible
    Étant donné un professionnel de santé connecté avec son « Token »
    Quand il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Moyens d'authentification »
    Et il confirme son identité avec un code à usage unique
    Et il définit un nouveau mot de passe conforme, le confirme et clique sur « Valider »
    Alors le portail confirme que son mot de passe a été défini
    Quand il se déconnecte
    Et il se connecte par « Matricule & Mot de passe » avec son matricule et son mot de passe
    Et il introduit le code reçu
    Alors l'espace « Mes services eSanté » s'affiche

  @p13 @PRO-13-01 @PRO-13-02 @PRO-13-05 @PRO-13-06 @PRO-13-07 @PRO-13-08
  Scénario: Le compte présente ses moyens d'authentification comme le guide
    Étant donné un professionnel de santé connecté avec son « Token »
    Quand il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Moyens d'authentification »
    Alors les rubriques « Authentification forte par e-mail/SMS », « Associer un produit LuxTrust » et « Changer mon mot de passe » s'affichent
    Et la politique de sécurité du mot de passe est rappelée
    Et le formulaire du mot de passe demande « Votre matricule », « Nouveau mot de passe » et « Confirmation du nouveau mot de passe »
    Et « Associer mon produit LuxTrust » est proposé
    Et son produit « Token » est listé

  @p13 @PRO-13-03
  Scénario: Le professionnel change son numéro de téléphone portable, confirmé par un code
    Étant donné un professionnel de santé connecté avec son « Token », sur l'onglet « Moyens d'authentification »
    Quand il confirme son identité avec un code à usage unique
    Et il remplace son téléphone portable par un nouveau numéro et clique sur « Valider »
    Et il introduit le code envoyé au nouveau numéro
    Alors le portail confirme que son numéro de téléphone portable a été modifié
    Et un avis de modification lui est envoyé

  @p13 @PRO-13-04
  Scénario: Le professionnel change son adresse e-mail, confirmée par un code
    Étant donné un professionnel de santé connecté avec son « Token », sur l'onglet « Moyens d'authentification »
    Quand il confirme son identité avec un code à usage unique
    Et il remplace son e-mail par une nouvelle adresse et clique sur « Valider »
    Et il introduit le code envoyé à la nouvelle adresse
    Alors le portail confirme que son adresse e-mail a été modifiée

  @p13 @PRO-13-05 @PRO-13-06
  Scénario: Le professionnel associe un second produit LuxTrust puis en supprime un
    Étant donné un professionnel de santé connecté avec son « Token » qui possède aussi une « Smartcard », sur l'onglet « Moyens d'authentification »
    Quand il confirme son identité avec un code à usage unique
    Et il clique sur « Associer mon produit LuxTrust »
    Et il s'authentifie auprès de LuxTrust avec son « Smartcard »
    Alors son produit « Smartcard » est listé
    Quand il supprime son produit « Token »
    Alors son produit « Token » n'est plus listé
    Et son produit « Smartcard » est listé

  @p13 @PRO-13-07 @PRO-13-08 @refus
  Plan du scénario: Un nouveau mot de passe hors politique est refusé
    Étant donné un professionnel de santé connecté avec son « Token », sur l'onglet « Moyens d'authentification »
    Quand il confirme son identité avec un code à usage unique
    Et il saisit le nouveau mot de passe « <mot de passe> » et la confirmation « <confirmation> » puis clique sur « Valider »
    Alors un message d'erreur concerne le champ « <champ> »
    Et ce mot de passe ne permet pas de se connecter

    Exemples:
      | mot de passe | confirmation | champ                                 |
      | abc1234      | abc1234      | Nouveau mot de passe                  |
      | abcdefgh     | abcdefgh     | Nouveau mot de passe                  |
      | abcdef12     | abcdef13     | Confirmation du nouveau mot de passe  |

  @p13 @PRO-13-07 @refus @reference
  Scénario: Un changement sans code à usage unique récent est refusé
    Étant donné un professionnel de santé connecté avec son « Token », sur l'onglet « Moyens d'authentification »
    Quand il définit un nouveau mot de passe conforme, le confirme et clique sur « Valider »
    Alors un message d'erreur concerne le champ « Nouveau mot de passe »
    Et le portail ne confirme aucun changement

  @p13 @PRO-13-06 @refus @reference
  Scénario: Le dernier moyen de connexion ne peut pas être supprimé
    Étant donné un professionnel de santé connecté avec son « Token », sur l'onglet « Moyens d'authentification »
    Quand il confirme son identité avec un code à usage unique
    Et il supprime son produit « Token »
    Alors un message d'erreur indique « dernier moyen de connexion »
    Et son produit « Token » est listé

  @p14 @PRO-14-01 @PRO-14-02 @PRO-14-03 @PRO-14-04
  Scénario: Le professionnel choisit les notifications qu'il reçoit par e-mail
    Étant donné un professionnel de santé connecté avec son « Token » dont le code à usage unique arrive par e-mail
    Quand il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Informations personnelles »
    Alors les cases « Lors de la création d'un événement » et « Lors de la publication d'un nouveau sondage » sont cochées
    Quand il décoche « Lors de la création d'un événement » et clique sur « Valider »
    Alors la case « Lors de la création d'un événement » reste décochée en revenant sur la page
    Quand le portail publie un événement et un sondage
    Alors il reçoit par e-mail l'annonce du sondage mais pas celle de l'événement

  @p14 @PRO-14-05 @PRO-14-06 @PRO-14-07
  Scénario: Chaque page indique comment joindre le helpdesk et l'Agence eSanté
    Étant donné un professionnel de santé sur la page d'accueil du portail eSanté
    Alors le pied de page indique le helpdesk « (+352) 27 12 50 18 33 » et « helpdesk@esante.lu »
    Et il propose de prendre rendez-vous en ligne sur « helpdesk.esante.lu »
    Et il donne l'adresse postale « L-1025 Luxembourg » et le site « www.esante.lu »
