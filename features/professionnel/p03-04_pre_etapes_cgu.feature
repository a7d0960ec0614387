# language: fr
@professionnel
Fonctionnalité: Pré-étapes et Conditions Générales d'Utilisation
  Quick guide professionnel de santé, pages 3 et 4 : « Allez sur www.esante.lu et cliquez sur
  « PROFESSIONNELS DE SANTÉ » et ensuite sur « ACTIVATION COMPTE ESANTÉ » », puis acceptez les
  Conditions Générales d'Utilisation et cliquez sur « Activer mon compte ».

  @p3 @PRO-03-02 @PRO-03-04 @PRO-03-05 @p10 @PRO-10-02
  Scénario: La page d'accueil présente le portail comme le guide
    Étant donné un professionnel de santé sur la page d'accueil du portail eSanté
    Alors la navigation principale propose
      | entrée                  |
      | Patients                |
      | Professionnels de santé |
      | Editeurs                |
      | Infos e-santé           |
    Et l'en-tête affiche « +352 27 12 50 18 33 », « Connexion » et la recherche
    Et la page affiche « Portail e-santé » et « Votre porte d'accès aux services et infos e-santé »
    Et l'accueil invite à activer son compte pour accéder au DSP et au remboursement accéléré des mémoires d'honoraires

  @p3 @PRO-03-01 @PRO-03-03
  Scénario: Le professionnel atteint l'activation depuis le menu « Professionnels de santé »
    Étant donné un professionnel de santé sur la page d'accueil du portail eSanté
    Quand il clique sur « Professionnels de santé »
    Alors le menu propose « Professionnels de santé », « Activation compte eSanté » et « Accès services eSanté »
    Quand il clique sur « Activation compte eSanté »
    Alors les Conditions Générales d'Utilisation s'affichent

  @p4 @PRO-04-01 @PRO-04-02 @PRO-04-03 @PRO-04-04
  Scénario: La page présente les pré-requis du professionnel
    Étant donné un professionnel de santé qui a ouvert « Activation compte eSanté »
    Alors la page « Activation de mon compte eSanté » liste les pré-requis
      | pré-requis                                                                                 |
      | Courrier envoyé par l'Agence eSanté contenant votre code d'activation                      |
      | Votre numéro de matricule (à 11 ou 13 chiffres)                                            |
      | Votre adresse email professionnelle à usage individuel                                     |
      | Un dispositif LuxTrust dûment activé (Token, Smartcard ou carte d'identité électronique)   |
    Et le helpdesk est indiqué : « (+352) 27 12 50 18 33 » et « helpdesk@esante.lu »
    Et « Besoin d'aide pour activer votre compte eSanté? » renvoie vers le guide en ligne

  @p4 @PRO-04-05
  Scénario: Les Conditions Générales d'Utilisation se téléchargent en PDF
    Étant donné un professionnel de santé qui a ouvert « Activation compte eSanté »
    Quand il clique sur le lien « Téléchargeables en PDF en cliquant ici »
    Alors il reçoit les Conditions Générales d'Utilisation en document PDF

  @p4 @PRO-04-06 @PRO-04-07
  Scénario: Le professionnel accepte les CGU et commence par son produit LuxTrust
    Étant donné un professionnel de santé qui a ouvert « Activation compte eSanté »
    Quand il coche « En cochant cette case, j'accepte les Conditions Générales d'Utilisation. »
    Et il clique sur « Activer mon compte »
    Alors l'étape « Produit LuxTrust » s'affiche

  @p4 @PRO-04-06 @PRO-04-07 @refus
  Scénario: L'activation est refusée tant que les CGU ne sont pas acceptées
    Étant donné un professionnel de santé qui a ouvert « Activation compte eSanté »
    Quand il clique sur « Activer mon compte » sans cocher la case des Conditions Générales d'Utilisation
    Alors un message d'erreur demande d'accepter les Conditions Générales d'Utilisation
    Et l'activation n'a pas commencé
