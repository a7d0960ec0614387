# language: fr
@patient
Fonctionnalité: Accès à l'activation du compte par le portail eSanté
  Quick guide patient, « Activation via Portail eSanté », pages 6 et 7.
  Le patient va sur www.esante.lu, clique sur « CONNEXION » puis sur « PATIENT », et choisit
  « J'active mon compte » ou, sans code d'activation, « Je n'ai pas de code d'activation ».

  @p6 @PAT-06-01 @PAT-06-02 @p7 @PAT-07-01
  Scénario: Le patient atteint la page d'authentification/activation depuis l'accueil
    Étant donné un patient sur la page d'accueil du portail eSanté
    Quand il clique sur « Connexion » puis sur « Patient »
    Alors la page d'authentification/activation pour patient s'affiche
    Et elle rappelle que l'activation donne accès aux services eSanté et notamment au DSP
    Et elle propose « J'active mon compte » et « Je n'ai pas de code d'activation »

  @p7 @PAT-07-01
  Scénario: « J'active mon compte » mène aux Conditions Générales d'Utilisation
    Étant donné un patient sur la page d'authentification/activation pour patient
    Quand il clique sur « J'active mon compte »
    Alors les Conditions Générales d'Utilisation s'affichent

  @p7 @PAT-07-02
  Scénario: Le patient sans code d'activation remplit le formulaire de demande
    Étant donné un patient sur la page d'authentification/activation pour patient
    Quand il clique sur « Je n'ai pas de code d'activation »
    Et il remplit le formulaire et l'envoie
    Alors sa demande de nouveau code d'activation est confirmée

  @p7 @PAT-07-02 @refus @reference
  Scénario: Une demande sans adresse postale est refusée sans perdre les autres saisies
    Étant donné un patient sur la page d'authentification/activation pour patient
    Quand il clique sur « Je n'ai pas de code d'activation »
    Et il remplit le formulaire sans son adresse postale
    Alors un message d'erreur concerne le champ « Rue et numéro »
    Et ses autres saisies du formulaire sont conservées
