# language: fr
@patient
Fonctionnalité: Étape 3 – Sécurisation du compte par un code à usage unique
  Quick guide patient, pages 11 et 12 : « Choisissez le moyen par lequel vous souhaitez recevoir
  votre code à usage unique (Mobile ou E-mail) et cliquez sur « Valider ». Rentrez le code reçu
  (par e-mail ou sms) et validez. »

  Contexte:
    Étant donné un patient à l'étape « Sécurisation de votre compte » de l'activation

  @p11 @PAT-11-01 @PAT-11-02 @p12 @PAT-12-01
  Plan du scénario: Le patient reçoit et saisit son code à usage unique
    Quand il choisit de recevoir son code à usage unique par « <canal> » et clique sur « Valider »
    Alors il reçoit un code à usage unique de 6 chiffres par <message>
    Quand il entre le code reçu et clique sur « Valider »
    Alors l'étape « Autres moyens d'authentification » s'affiche

    Exemples:
      | canal  | message |
      | Mobile | SMS     |
      | E-mail | e-mail  |

  @p12 @PAT-12-01 @refus
  Scénario: Un code à usage unique erroné est refusé
    Quand il choisit de recevoir son code à usage unique par « Mobile » et clique sur « Valider »
    Et il entre un code à usage unique erroné et clique sur « Valider »
    Alors un message d'erreur concerne le champ « Code reçu par SMS ou par E-mail »
    Et l'étape « Sécurisation de votre compte » reste l'étape en cours

  @p12 @PAT-12-01 @refus @horloge @reference
  Scénario: Un code à usage unique expiré est refusé
    Quand il choisit de recevoir son code à usage unique par « E-mail » et clique sur « Valider »
    Et 11 minutes passent
    Et il entre le code reçu et clique sur « Valider »
    Alors un message d'erreur concerne le champ « Code reçu par SMS ou par E-mail »
    Et l'étape « Sécurisation de votre compte » reste l'étape en cours

  @p12 @PAT-12-01 @horloge @reference
  Scénario: Après expiration, un nouveau code permet de poursuivre
    Quand il choisit de recevoir son code à usage unique par « Mobile » et clique sur « Valider »
    Et 11 minutes passent
    Et il demande un nouveau code
    Et il entre le code reçu et clique sur « Valider »
    Alors l'étape « Autres moyens d'authentification » s'affiche

  @p11 @PAT-11-01 @refus @reference
  Scénario: Un numéro de mobile invalide est refusé sans envoyer de code
    Quand il choisit de recevoir son code à usage unique par « Mobile » au numéro « 12 34 »
    Alors un message d'erreur concerne le champ « Mobile »
    Et aucun code ne lui a été envoyé
