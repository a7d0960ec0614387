# language: fr
@patient
Fonctionnalité: Étape 4 – Associer un produit LuxTrust, facultativement
  Quick guide patient, page 13 : « Si vous le souhaitez (pas obligatoire) vous pouvez associer un
  produit LuxTrust à votre compte. Pour cela, cliquez sur le logo de LuxTrust et suivez les
  indications sur l'écran. »

  @p13 @PAT-13-01 @PAT-13-02
  Scénario: Le patient associe son Token LuxTrust pendant l'activation
    Étant donné un patient possédant un « Token » à l'étape « Autres moyens d'authentification » de l'activation
    Quand il clique sur le logo de LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Token »
    Alors son produit « Token » est associé à son compte
    Quand il clique sur « Étape suivante »
    Alors le message « Votre activation est terminée! » s'affiche

  @p13 @PAT-13-01 @refus @reference
  Scénario: Le produit LuxTrust d'une autre personne n'est pas associé
    Étant donné un patient à l'étape « Autres moyens d'authentification » avec le produit LuxTrust d'un proche
    Quand il clique sur le logo de LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Token »
    Alors le portail refuse d'associer ce produit LuxTrust
    Et l'étape « Autres moyens d'authentification » reste l'étape en cours

  @p13 @PAT-13-01
  Scénario: L'association annulée chez LuxTrust laisse l'activation se poursuivre
    Étant donné un patient possédant un « LuxTrust Mobile » à l'étape « Autres moyens d'authentification » de l'activation
    Quand il clique sur le logo de LuxTrust
    Et il annule l'authentification LuxTrust
    Alors le portail indique que la connexion LuxTrust a été annulée
    Et l'étape « Autres moyens d'authentification » reste l'étape en cours
