# language: fr
@patient
Fonctionnalité: Activation du compte eSanté via MyGuichet.lu
  Quick guide patient, pages 3 à 5 : « via le Portail MyGuichet (www.guichet.lu) : dans votre
  espace privé sur MyGuichet.lu, avec un produit LuxTrust » ; « Après vous être authentifié sur
  le portail www.myguichet.lu, cliquez sur « Mes données » et ensuite sur « Dossier de Soins
  Partagé (DSP) » » ; « Cliquez ensuite sur « Je consens à ce que MyGuichet.lu partage mon
  identifiant national avec l'Agence eSanté » » ; « Et acceptez les Conditions Générales
  d'Utilisation (CGU) et validez. »

  @p3 @PAT-03-01 @p4 @PAT-04-01 @PAT-04-02 @PAT-04-03 @PAT-04-04 @p5 @PAT-05-01 @PAT-05-02 @PAT-05-03 @PAT-05-05 @PAT-05-07
  Scénario: Le patient active son compte eSanté depuis son espace privé MyGuichet.lu
    Étant donné un patient qui a un espace privé sur MyGuichet.lu et un « Token » LuxTrust, sans compte eSanté
    Quand il se connecte à MyGuichet.lu avec son « Token »
    Alors le menu de MyGuichet.lu propose « Mes démarches », « Mes données », « Mes communications » et « Paramètres »
    Quand il clique sur « Mes données » dans son espace privé MyGuichet.lu
    Alors le fil d'Ariane indique « Accueil > Mes données »
    Et la page demande « Sélectionnez une source authentique dans le catalogue. »
    Et le catalogue regroupe les sources authentiques
      | groupe                   |
      | Citoyenneté              |
      | Famille & Éducation      |
      | Fiscalité                |
      | Logement & Construction  |
      | Loisirs                  |
      | Santé & Sécurité sociale |
      | Transport                |
      | Travail                  |
    Et « Dossier de soins partagé (DSP) » figure sous « Santé & Sécurité sociale »
    Quand il clique sur « Dossier de soins partagé (DSP) » dans le catalogue
    Alors la page « Dossier de Soins Partagé (DSP) » présente la « Procédure d'accès aux services eSanté » et le « Consentement »
    Et elle indique que le compte eSanté peut y être activé comme méthode alternative au courrier postal
    Et elle indique que le consentement est révocable à tout moment dans l'onglet Paramètres
    Quand il coche « Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté. »
    Et il clique sur « Valider » sur MyGuichet.lu
    Alors MyGuichet.lu demande d'accepter les « Conditions Générales d'Utilisation (CGU) »
    Quand il coche la case d'acceptation des Conditions Générales d'Utilisation de la Plateforme eSanté et du DSP
    Et il clique sur « Valider » sur MyGuichet.lu
    Alors MyGuichet.lu affiche « Votre compte eSanté est activé! Vous pouvez maintenant accéder à votre DSP »

  @p5 @PAT-05-06
  Scénario: Le profil eSanté reprend l'adresse e-mail et le numéro de téléphone de MyGuichet.lu
    Étant donné un patient qui a activé son compte eSanté depuis MyGuichet.lu avec son « Token »
    Quand il se connecte au portail eSanté avec son « Token »
    Et il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Moyens d'authentification »
    Et il confirme son identité avec un code à usage unique
    Alors les moyens d'authentification du portail reprennent l'adresse e-mail et le numéro de téléphone de MyGuichet.lu

  @p5 @PAT-05-08
  Scénario: Le DSP s'ouvre depuis MyGuichet.lu comme depuis le portail eSanté
    Étant donné un patient qui a activé son compte eSanté depuis MyGuichet.lu avec son « Token »
    Quand il clique sur « Accéder à mon DSP » sur MyGuichet.lu
    Alors son DSP s'ouvre sur le portail eSanté
    Quand il se déconnecte
    Et il se connecte au portail eSanté avec son « Token »
    Et il ouvre son DSP depuis « Mes services eSanté »
    Alors son DSP s'ouvre sur le portail eSanté

  @p5 @PAT-05-04
  Scénario: Le patient révoque son consentement dans « Paramètres » et garde son compte eSanté
    Étant donné un patient qui a activé son compte eSanté depuis MyGuichet.lu avec son « Token »
    Quand il révoque son consentement dans « Paramètres »
    Alors MyGuichet.lu confirme que son identifiant national n'est plus partagé avec l'Agence eSanté
    Quand il clique sur « Mes données » dans son espace privé MyGuichet.lu
    Et il clique sur « Dossier de soins partagé (DSP) » dans le catalogue
    Alors la page DSP de MyGuichet.lu rappelle que le consentement a été révoqué et ne propose plus d'accéder au DSP
    Quand il se connecte au portail eSanté avec son « Token »
    Alors il est connecté au portail eSanté

  @p5 @PAT-05-02 @PAT-05-03 @reference
  Scénario: Un patient dont le compte est déjà actif n'est ni réactivé ni modifié par MyGuichet.lu
    Étant donné un patient dont le compte eSanté est déjà activé sur le portail, qui a aussi un espace privé sur MyGuichet.lu et un « Token » LuxTrust
    Quand il se connecte à MyGuichet.lu avec son « Token »
    Et il clique sur « Mes données » dans son espace privé MyGuichet.lu
    Et il clique sur « Dossier de soins partagé (DSP) » dans le catalogue
    Et il coche « Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté. »
    Et il clique sur « Valider » sur MyGuichet.lu
    Alors MyGuichet.lu indique que son compte eSanté était déjà actif, sans redemander les CGU
    Quand il se connecte au portail eSanté avec son « Token »
    Alors le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation

  @p5 @PAT-05-03 @refus
  Scénario: « Valider » sans cocher le consentement ne partage rien
    Étant donné un patient qui a un espace privé sur MyGuichet.lu et un « Token » LuxTrust, sans compte eSanté
    Quand il se connecte à MyGuichet.lu avec son « Token »
    Et il clique sur « Mes données » dans son espace privé MyGuichet.lu
    Et il clique sur « Dossier de soins partagé (DSP) » dans le catalogue
    Et il clique sur « Valider » sur MyGuichet.lu
    Alors MyGuichet.lu refuse en indiquant « Veuillez cocher la case pour donner votre consentement »
    Et MyGuichet.lu redemande le consentement

  @p5 @PAT-05-05 @refus
  Scénario: « Valider » sans accepter les CGU n'active pas le compte
    Étant donné un patient qui a un espace privé sur MyGuichet.lu et un « Token » LuxTrust, sans compte eSanté
    Quand il se connecte à MyGuichet.lu avec son « Token »
    Et il clique sur « Mes données » dans son espace privé MyGuichet.lu
    Et il clique sur « Dossier de soins partagé (DSP) » dans le catalogue
    Et il coche « Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté. »
    Et il clique sur « Valider » sur MyGuichet.lu
    Et il clique sur « Valider » sur MyGuichet.lu
    Alors MyGuichet.lu refuse en indiquant « Veuillez accepter les Conditions Générales d'Utilisation »
    Quand il se connecte au portail eSanté avec son « Token »
    Alors le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation
