# language: fr
@patient
Fonctionnalité: Étape 1 – Matricule et code d'activation
  Quick guide patient, page 9 : « Renseignez votre matricule (numéro de sécurité sociale à
  13 chiffres) et cliquez sur « Valider » ; cliquez sur « Oui » et entrez votre code
  d'activation ; cliquez sur « Etape suivante ». »

  Contexte:
    Étant donné un patient qui a reçu son courrier d'activation
    Et qu'il a accepté les Conditions Générales d'Utilisation

  @p9 @PAT-09-01 @PAT-09-02
  Scénario: La barre de progression annonce les cinq étapes
    Alors la barre de progression montre les étapes
      | étape                            |
      | Code d'activation                |
      | Mot de passe                     |
      | Sécurisation de votre compte     |
      | Autres moyens d'authentification |
      | Confirmation                     |
    Et l'étape « Code d'activation » est l'étape en cours

  @p9 @PAT-09-03 @PAT-09-04 @PAT-09-05 @PAT-09-06
  Scénario: Le patient saisit son matricule et son code d'activation
    Quand il renseigne son matricule et clique sur « Valider »
    Alors la question « Avez-vous reçu votre code d'activation ? » propose « Oui » et « Non »
    Quand il répond « Oui » à « Avez-vous reçu votre code d'activation ? »
    Et il entre son code d'activation et clique sur « Étape suivante »
    Alors l'étape « Mot de passe » s'affiche

  @p9 @PAT-09-04 @PAT-07-02 @reference
  Scénario: Le patient qui n'a pas reçu de code est dirigé vers la demande de code
    Quand il renseigne son matricule et clique sur « Valider »
    Et il répond « Non » à « Avez-vous reçu votre code d'activation ? » et poursuit
    Alors le formulaire de demande de code d'activation s'affiche avec son matricule

  @p9 @PAT-09-03 @refus
  Plan du scénario: Un matricule qui n'a pas 13 chiffres est refusé
    Quand il renseigne le matricule « <matricule> » et clique sur « Valider »
    Alors un message d'erreur concerne le champ « Matricule »
    Et la question « Avez-vous reçu votre code d'activation ? » n'est pas posée

    Exemples:
      | matricule     | cas                                              |
      | 191809013870  | 12 chiffres                                      |
      | 191809013800  | 12 chiffres, un de plus qu'un matricule à 11 chiffres valide |
      | 19180901387AB | lettres                                          |

  @p9 @PAT-09-03 @refus @reference
  Plan du scénario: Un matricule aux chiffres de contrôle faux ou à la date impossible est refusé
    Quand il renseigne le matricule « <matricule> » et clique sur « Valider »
    Alors un message d'erreur concerne le champ « Matricule »
    Et la question « Avez-vous reçu votre code d'activation ? » n'est pas posée

    Exemples:
      | matricule     | cas                               |
      | 1918090138701 | chiffre de contrôle Verhoeff faux |
      | 1918090138750 | chiffre de contrôle Luhn faux     |
      | 1985023012399 | 30 février                        |

  @p9 @PAT-09-05 @refus
  Scénario: Un code d'activation erroné est refusé
    Quand il renseigne son matricule et clique sur « Valider »
    Et il répond « Oui » à « Avez-vous reçu votre code d'activation ? »
    Et il entre un code d'activation erroné et clique sur « Étape suivante »
    Alors un message d'erreur concerne le champ « Code d'activation »
    Et l'étape « Code d'activation » reste l'étape en cours

  @p9 @PAT-09-05 @PAT-08-03 @refus @reference
  Scénario: Après 5 codes erronés, l'activation est bloquée et le helpdesk indiqué
    Quand il renseigne son matricule et clique sur « Valider »
    Et il répond « Oui » à « Avez-vous reçu votre code d'activation ? »
    Et il entre 5 fois un code d'activation erroné
    Et il entre son code d'activation et clique sur « Étape suivante »
    Alors un message d'erreur renvoie vers le helpdesk « (+352) 27 12 50 18 33 »
    Et l'étape « Code d'activation » reste l'étape en cours

  @p9 @PAT-09-05 @refus @reference
  Scénario: Un code d'activation déjà utilisé est refusé
    Étant donné que le patient a déjà activé son compte avec ce code
    Quand il recommence l'activation avec le même matricule et le même code
    Alors un message d'erreur concerne le champ « Code d'activation »
    Et l'étape « Code d'activation » reste l'étape en cours

  @p9 @PAT-09-05 @refus @horloge @reference
  Scénario: Un code d'activation expiré est refusé
    Étant donné que 91 jours ont passé depuis l'envoi de son courrier d'activation
    Et qu'il a de nouveau accepté les Conditions Générales d'Utilisation
    Quand il renseigne son matricule et clique sur « Valider »
    Et il répond « Oui » à « Avez-vous reçu votre code d'activation ? »
    Et il entre son code d'activation et clique sur « Étape suivante »
    Alors un message d'erreur concerne le champ « Code d'activation »
    Et l'étape « Code d'activation » reste l'étape en cours
