# language: fr
@patient
Fonctionnalité: Conditions Générales d'Utilisation et pré-requis
  Quick guide patient, page 8 : « Allez jusqu'en bas de page, acceptez les Conditions Générales
  d'Utilisation et cliquez sur « Activer mon compte ». »

  Contexte:
    Étant donné un patient qui a cliqué sur « J'active mon compte »

  @p8 @PAT-08-01 @PAT-08-02 @PAT-08-03 @PAT-08-04
  Scénario: La page présente les pré-requis de l'activation
    Alors la page « Activation de mon compte eSanté » liste les pré-requis
      | pré-requis                                                                  |
      | Courrier envoyé par l'Agence eSanté contenant votre code d'activation       |
      | Votre numéro de matricule (à 11 ou 13 chiffres)                             |
      | Votre adresse email personnelle ou votre numéro de téléphone portable       |
      | Un dispositif LuxTrust dûment activé (Token, Smartcard ou carte d'identité électronique) |
    Et le helpdesk est indiqué : « (+352) 27 12 50 18 33 » et « helpdesk@esante.lu »
    Et « Des difficultés pour activer votre compte eSanté ? » renvoie vers le guide en ligne

  @p8 @PAT-08-05
  Scénario: Les Conditions Générales d'Utilisation se téléchargent en PDF
    Quand il clique sur le lien « Téléchargeables en PDF en cliquant ici »
    Alors il reçoit les Conditions Générales d'Utilisation en document PDF

  @p8 @PAT-08-06 @PAT-08-07
  Scénario: Le patient accepte les CGU et commence l'activation
    Quand il coche « En cochant cette case, j'accepte les Conditions Générales d'Utilisation. »
    Et il clique sur « Activer mon compte »
    Alors l'étape « Code d'activation » s'affiche

  @p8 @PAT-08-06 @PAT-08-07 @refus
  Scénario: L'activation est refusée tant que les CGU ne sont pas acceptées
    Quand il clique sur « Activer mon compte » sans cocher la case des Conditions Générales d'Utilisation
    Alors un message d'erreur demande d'accepter les Conditions Générales d'Utilisation
    Et l'activation n'a pas commencé
