# language: fr
@patient
Fonctionnalité: Étapes 4 et 5 – Autres moyens d'authentification et confirmation, de bout en bout
  Quick guide patient, pages 13 et 14 : « Si vous le souhaitez (pas obligatoire) vous pouvez
  associer un produit LuxTrust à votre compte. Sinon cliquez sur « Etape suivante ». »
  puis « Votre activation est terminée! ».

  @p13 @PAT-13-01 @PAT-13-02 @p14 @PAT-14-01 @PAT-14-02
  Scénario: Le patient passe l'étape LuxTrust facultative et termine l'activation
    Étant donné un patient à l'étape « Autres moyens d'authentification » de l'activation
    Alors l'association d'un produit LuxTrust est présentée comme facultative
    Quand il clique sur « Étape suivante » sans associer de produit LuxTrust
    Alors le message « Votre activation est terminée! » s'affiche
    Et « Connectez-vous » est proposé

  @p3 @PAT-03-02 @p6 @PAT-06-01 @p7 @PAT-07-01 @p8 @PAT-08-06 @PAT-08-07 @p9 @PAT-09-03 @PAT-09-05 @PAT-09-06
  @p10 @PAT-10-01 @p11 @PAT-11-01 @p12 @PAT-12-01 @p13 @PAT-13-02 @p14 @PAT-14-01
  Plan du scénario: Le patient active son compte de bout en bout
    Étant donné un patient qui a reçu son courrier d'activation
    Quand il clique sur « Connexion » puis sur « Patient » depuis l'accueil
    Et il clique sur « J'active mon compte »
    Et il coche « En cochant cette case, j'accepte les Conditions Générales d'Utilisation. »
    Et il clique sur « Activer mon compte »
    Et il renseigne son matricule et clique sur « Valider »
    Et il répond « Oui » à « Avez-vous reçu votre code d'activation ? »
    Et il entre son code d'activation et clique sur « Étape suivante »
    Et il définit un mot de passe conforme, le confirme et clique sur « Étape suivante »
    Et il choisit de recevoir son code à usage unique par « <canal> » et clique sur « Valider »
    Et il entre le code reçu et clique sur « Valider »
    Et il clique sur « Étape suivante » sans associer de produit LuxTrust
    Alors le message « Votre activation est terminée! » s'affiche
    Et « Connectez-vous » est proposé

    Exemples:
      | canal  |
      | Mobile |
      | E-mail |

  @p14 @PAT-14-01 @refus @reference
  Scénario: Une activation terminée ne peut pas être rejouée par l'adresse des étapes
    Étant donné un patient qui vient de terminer son activation
    Quand il revient à l'adresse de l'étape « Mot de passe »
    Alors l'étape « Mot de passe » ne s'affiche pas
