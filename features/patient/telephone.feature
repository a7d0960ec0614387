# language: fr
@patient @telephone
Fonctionnalité: Les parcours patient du portail sur un téléphone
  L'app MyDSP n'est pas le sujet ici : le portail lui-même doit servir le patient sur l'écran
  d'un téléphone (390 × 844, tactile). La connexion et le DSP, avec ses onglets, ses documents
  et ses assistants, s'utilisent du doigt, sans défilement de côté et sans rien de coupé.

  @p15 @PAT-15-01 @PAT-15-02 @p16 @PAT-16-02 @p17 @PAT-17-01 @PAT-17-02
  Scénario: Sur son téléphone, le patient se connecte avec le produit LuxTrust associé à son compte
    Étant donné un patient dont le compte est activé avec son « Smartcard » associée
    Quand il clique sur « Connexion »
    Alors la page affiche « Patient » et « Professionnel »
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Patient »
    Alors la page rappelle que le DSP est aussi accessible par l'app MyDSP et par MyGuichet.lu
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Connexion » pour se connecter avec LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Smartcard »
    Alors l'espace « Mes services eSanté » s'affiche
    Et il propose les services
      | service                        |
      | Dossier de Soins Partagé (DSP) |
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Mon Compte »
    Alors le menu propose « Gérer mon compte », « Mes services eSanté » et « Déconnexion »
    Et la page tient dans l'écran du téléphone

  @p15 @PAT-15-01 @p16 @PAT-16-01 @PAT-16-03 @PAT-16-04 @p17 @PAT-17-01 @PAT-17-02
  Scénario: Sur son téléphone, le patient se connecte avec son matricule, son mot de passe et le code reçu
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il clique sur « Connexion » puis sur « Patient » depuis l'accueil
    Alors la page propose « Connexion » avec LuxTrust et « Matricule & Mot de passe »
    Quand il clique sur « Matricule & Mot de passe »
    Alors la page affiche « Matricule » et « Mot de passe »
    Et la page tient dans l'écran du téléphone
    Quand il introduit son matricule et son mot de passe
    Alors il reçoit un code à usage unique de 6 chiffres par SMS
    Et la page affiche « Code reçu par SMS ou par E-mail » et « Recevoir un nouveau code »
    Et la page tient dans l'écran du téléphone
    Quand il introduit le code reçu
    Alors l'espace « Mes services eSanté » s'affiche
    Et la page tient dans l'écran du téléphone

  @p17 @PAT-17-02 @p19 @PAT-19-04 @PAT-19-05 @PAT-19-06 @PAT-19-07 @PAT-19-08 @PAT-19-09
  Scénario: Sur son téléphone, le patient parcourt les onglets et les documents de son DSP
    Étant donné un patient connecté dont le DSP contient 3 documents et 2 professionnels de confiance
    Quand il clique sur « Dossier de Soins Partagé (DSP) »
    Alors son DSP s'affiche avec son nom, son âge et sa date de naissance
    Et le DSP propose les onglets « Synthèse », « Ligne de vie », « Vue documentaire » et « Traçabilité »
    Et « Mes derniers documents » liste ses 3 documents avec leur date, leur titre et leur auteur
    Et le « Cercle Médical de Confiance » liste ses 2 professionnels avec « Plus de détails »
    Et le tableau « Assistants » indique « Aucune donnée disponible dans le tableau »
    Et « Déposer un document » est proposé
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Ligne de vie »
    Alors l'onglet « Ligne de vie » est ouvert
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Vue documentaire »
    Alors l'onglet « Vue documentaire » est ouvert
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Traçabilité »
    Alors l'onglet « Traçabilité » est ouvert
    Et la page tient dans l'écran du téléphone

  @p19 @PAT-19-08
  Scénario: Sur son téléphone, le patient dépose un document puis le télécharge
    Étant donné un patient connecté à son DSP
    Quand il dépose le document PDF « Bilan sanguin de contrôle »
    Alors « Bilan sanguin de contrôle » figure dans « Mes derniers documents »
    Et la page tient dans l'écran du téléphone
    Et il peut télécharger « Bilan sanguin de contrôle » en document PDF
    Quand il clique sur « Vue documentaire »
    Alors l'onglet « Vue documentaire » est ouvert
    Et il peut télécharger « Bilan sanguin de contrôle » en document PDF
    Et la « Traçabilité » indique qu'il a déposé « Bilan sanguin de contrôle »
    Et la page tient dans l'écran du téléphone

  @p18 @PAT-18-03 @PAT-18-04 @p19 @PAT-19-01 @PAT-19-02 @p20 @PAT-20-01 @PAT-20-02 @PAT-20-03 @PAT-20-04 @PAT-20-05 @PAT-20-06 @p21 @PAT-21-01 @PAT-21-02 @PAT-21-03
  Scénario: Sur son téléphone, le parent se définit « Assistant DSP » de son enfant puis ouvre son DSP depuis le sien
    Étant donné un parent dont le compte eSanté est activé
    Et un enfant mineur du parent dont le compte est activé
    Quand le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant
    Alors le DSP de l'enfant s'affiche
    Et la page tient dans l'écran du téléphone
    Quand il clique sur « Ajouter » dans la fenêtre « Assistants »
    Et il clique sur le champ « Nom », introduit son numéro de matricule dans « Numéro assuré » et clique sur « Rechercher »
    Alors la page tient dans l'écran du téléphone
    Quand il clique sur son nom
    Alors le champ « Nom » affiche son nom suivi de son numéro entre parenthèses
    Et la page tient dans l'écran du téléphone
    Quand il sélectionne « Assistant DSP » dans « Type », laisse « Rôle » vide et clique sur « ✓ »
    Alors le tableau « Assistants » liste le parent comme « Assistant DSP »
    Et la page tient dans l'écran du téléphone
    Quand il se déconnecte
    Et le parent se connecte à son propre DSP avec ses identifiants
    Et il clique sur « Accéder aux autres dossiers patient » puis sur le nom de l'enfant
    Alors le DSP de l'enfant s'affiche en indiquant qu'il le consulte en tant qu'assistant
    Et la page tient dans l'écran du téléphone
