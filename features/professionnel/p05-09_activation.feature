# language: fr
@professionnel
Fonctionnalité: L'activation du compte du professionnel de santé, étape par étape
  Quick guide professionnel de santé, pages 5 à 9 : associer un produit LuxTrust, saisir le
  matricule et le code d'activation, vérifier ses informations personnelles, sécuriser le compte
  par un code à usage unique, et lire « Votre activation est terminée! ».

  @p5 @PRO-05-01 @PRO-05-02 @p6 @PRO-06-03 @PRO-06-04 @PRO-06-06 @p7 @PRO-07-01 @p8 @PRO-08-01 @PRO-08-02 @PRO-08-03 @PRO-08-04 @p9 @PRO-09-01 @PRO-09-02
  Plan du scénario: Le professionnel active son compte avec son produit LuxTrust
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « <produit> »
    Et qu'il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle
    Quand il clique sur « Connexion » pour associer un produit LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « <produit> »
    Alors l'étape « Code d'activation » s'affiche
    Quand il répond « Oui », renseigne son matricule et son code d'activation et clique sur « Étape suivante »
    Alors l'étape « Informations personnelles » s'affiche
    Quand il clique sur « Étape suivante »
    Et il choisit de recevoir son code à usage unique par « Mobile » et clique sur « Valider »
    Et il entre le code reçu et clique sur « Valider »
    Alors le message « Votre activation est terminée! » s'affiche
    Et le message « Vous pouvez vous connecter à votre compte eSanté. » s'affiche

    Exemples:
      | produit                        |
      | Token                          |
      | Smartcard                      |
      | Signing Stick                  |
      | Carte d'identité électronique  |
      | LuxTrust Mobile                |

  @p5 @PRO-05-02 @PRO-05-03
  Scénario: L'étape 1 présente les produits LuxTrust acceptés
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « Token »
    Et qu'il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle
    Alors la page cite les produits LuxTrust « Token », « Smartcard », « Signing Stick », « Carte d'identité électronique » et « LuxTrust Mobile »
    Et elle indique que d'autres produits LuxTrust pourront être associés au compte

  @p6 @PRO-06-01 @PRO-06-02
  Scénario: La barre de progression et la question du courrier
    Étant donné un professionnel de santé à l'étape « Code d'activation » de son activation
    Alors la barre de progression montre les étapes
      | étape                        |
      | Produit LuxTrust             |
      | Code d'activation            |
      | Informations personnelles    |
      | Sécurisation de votre compte |
      | Confirmation                 |
    Et la question « Avez-vous reçu votre code d'activation ? » propose « Oui » et « Non »

  @p6 @PRO-06-05 @PRO-06-06
  Scénario: Un matricule à 11 chiffres est accepté
    Étant donné un professionnel de santé au matricule à 11 chiffres à l'étape « Code d'activation » de son activation
    Quand il répond « Oui », renseigne son matricule et son code d'activation et clique sur « Étape suivante »
    Alors l'étape « Informations personnelles » s'affiche

  @p6 @PRO-06-05 @refus @reference
  Scénario: Un matricule à 11 chiffres au chiffre de contrôle faux est refusé
    Étant donné un professionnel de santé au matricule à 11 chiffres à l'étape « Code d'activation » de son activation
    Quand il répond « Oui », renseigne son matricule avec un chiffre de contrôle faux et son code d'activation
    Alors un message d'erreur concerne le champ « Matricule »
    Et un message d'erreur indique « Le matricule n'est pas valide »
    Et l'étape « Code d'activation » reste l'étape en cours

  @p6 @PRO-06-04 @refus @reference
  Scénario: Le produit LuxTrust d'une autre personne ne permet pas d'activer le compte
    Étant donné un professionnel de santé à l'étape « Code d'activation » avec le produit LuxTrust d'un confrère
    Quand il répond « Oui », renseigne son matricule et son code d'activation et clique sur « Étape suivante »
    Alors un message d'erreur concerne le champ « Matricule »
    Et l'étape « Code d'activation » reste l'étape en cours

  @p6 @PRO-06-07
  Scénario: « Étape précédente » ramène au produit LuxTrust
    Étant donné un professionnel de santé à l'étape « Code d'activation » de son activation
    Quand il clique sur « Étape précédente »
    Alors l'étape « Produit LuxTrust » s'affiche

  @p5 @PRO-05-01 @refus
  Scénario: L'authentification LuxTrust annulée n'associe aucun produit
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « Token »
    Et qu'il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle
    Quand il clique sur « Connexion » pour associer un produit LuxTrust
    Et il annule l'authentification LuxTrust
    Alors le portail indique que la connexion LuxTrust a été annulée
    Et l'étape « Produit LuxTrust » reste l'étape en cours

  @p5 @PRO-05-01 @refus
  Scénario: Un code de Token erroné est refusé par LuxTrust
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « Token »
    Et qu'il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle
    Quand il clique sur « Connexion » pour associer un produit LuxTrust
    Et il saisit chez LuxTrust un code erroné pour son « Token »
    Alors LuxTrust refuse le code

  @p5 @PRO-05-01 @refus @reference
  Scénario: Après 5 erreurs, le produit LuxTrust est bloqué
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « Token »
    Et qu'il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle
    Quand il clique sur « Connexion » pour associer un produit LuxTrust
    Et il se trompe 5 fois de mot de passe LuxTrust pour son « Token »
    Et il saisit ses identifiants LuxTrust corrects pour son « Token »
    Alors LuxTrust indique que son produit est bloqué

  @p7 @PRO-07-01 @PRO-07-02
  Scénario: Le professionnel vérifie ses informations personnelles
    Étant donné un professionnel de santé à l'étape « Informations personnelles » de son activation
    Alors ses nom, prénom et profession du registre professionnel s'affichent
    Et le helpdesk est indiqué : « (+352) 27 12 50 18 33 » et « helpdesk@esante.lu »
    Et l'eHelpdesk est proposé pour prendre rendez-vous en ligne

  @p8 @PRO-08-01 @PRO-08-04 @PRO-08-05
  Scénario: Le code à usage unique du professionnel par e-mail
    Étant donné un professionnel de santé à l'étape « Sécurisation de votre compte » de son activation
    Alors « Étape précédente » est proposé
    Quand il choisit de recevoir son code à usage unique par « E-mail » et clique sur « Valider »
    Et il entre le code reçu et clique sur « Valider »
    Alors l'étape « Confirmation » s'affiche
