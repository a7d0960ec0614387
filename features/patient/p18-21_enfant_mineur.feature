# language: fr
@patient
Fonctionnalité: Le DSP d'un enfant mineur et l'« Assistant DSP »
  Quick guide patient, pages 18 à 21 : le parent active le compte de son enfant mineur, accède à
  son DSP avec les identifiants de l'enfant, ou se définit « Assistant DSP » dans le DSP de
  l'enfant pour y accéder depuis son propre DSP.

  Contexte:
    Étant donné un parent dont le compte eSanté est activé

  @p18 @PAT-18-01 @PAT-18-02
  Scénario: Le parent active le compte de son enfant et ouvre son DSP avec les identifiants de l'enfant
    Étant donné un enfant mineur du parent qui a reçu son courrier d'activation
    Quand le parent active le compte de l'enfant en suivant la procédure des pages 6 à 14
    Et il se connecte avec le matricule et le mot de passe de l'enfant
    Et il clique sur « Dossier de Soins Partagé (DSP) »
    Alors le DSP de l'enfant s'affiche

  @p18 @PAT-18-03 @PAT-18-04 @p19 @PAT-19-01 @PAT-19-02 @p20 @PAT-20-01 @PAT-20-02 @PAT-20-03 @PAT-20-04 @PAT-20-05 @PAT-20-06
  Scénario: Le parent se définit « Assistant DSP » dans le DSP de son enfant
    Étant donné un enfant mineur du parent dont le compte est activé
    Quand le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant
    Et il clique sur « Ajouter » dans la fenêtre « Assistants »
    Et il clique sur le champ « Nom », introduit son numéro de matricule dans « Numéro assuré » et clique sur « Rechercher »
    Et il clique sur son nom
    Alors le champ « Nom » affiche son nom suivi de son numéro entre parenthèses
    Quand il sélectionne « Assistant DSP » dans « Type », laisse « Rôle » vide et clique sur « ✓ »
    Alors le tableau « Assistants » liste le parent comme « Assistant DSP »

  @p19 @PAT-19-03 @p21 @PAT-21-01 @PAT-21-02 @PAT-21-03
  Scénario: L'assistant DSP accède au DSP de son enfant depuis son propre DSP
    Étant donné un enfant mineur dont le parent est « Assistant DSP »
    Quand le parent se connecte à son propre DSP avec ses identifiants
    Et il clique sur « Accéder aux autres dossiers patient » puis sur le nom de l'enfant
    Alors le DSP de l'enfant s'affiche en indiquant qu'il le consulte en tant qu'assistant
    Quand il dépose le document PDF « Carnet de vaccination »
    Alors « Carnet de vaccination » figure dans « Mes derniers documents »
    Et la « Traçabilité » indique qu'il a déposé « Carnet de vaccination » en tant qu'assistant

  @p21 @PAT-21-04
  Scénario: Un parent assistant de deux enfants retrouve chacun de leurs dossiers
    Étant donné deux enfants mineurs dont le parent est « Assistant DSP »
    Quand le parent se connecte à son propre DSP avec ses identifiants
    Et il clique sur « Accéder aux autres dossiers patient »
    Alors les noms de ses deux enfants sont proposés

  @p20 @PAT-20-03 @refus @reference
  Scénario: Un numéro assuré inconnu ne trouve personne
    Étant donné un enfant mineur du parent dont le compte est activé
    Quand le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant
    Et il clique sur « Ajouter » dans la fenêtre « Assistants »
    Et il recherche un numéro assuré qui n'a pas de compte eSanté
    Alors le portail indique qu'aucun patient n'a été trouvé

  @p20 @PAT-20-02 @refus @reference
  Scénario: Le titulaire du DSP ne peut pas s'ajouter comme son propre assistant
    Étant donné un enfant mineur du parent dont le compte est activé
    Quand le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant
    Et il clique sur « Ajouter » dans la fenêtre « Assistants »
    Et il recherche le numéro assuré de l'enfant
    Alors le portail refuse d'ajouter le titulaire comme son propre assistant

  @p19 @PAT-19-03 @refus @reference
  Scénario: Une personne étrangère au dossier ne peut pas l'ouvrir par son adresse
    Étant donné un enfant mineur dont le parent est « Assistant DSP »
    Et une autre personne connectée à son propre DSP
    Quand elle ouvre l'adresse du DSP de l'enfant
    Alors l'accès au DSP de l'enfant est refusé

  @p19 @PAT-19-03 @refus @reference
  Scénario: Un assistant retiré perd l'accès aussitôt
    Étant donné un enfant mineur dont le parent est « Assistant DSP »
    Et le parent a ouvert le DSP de l'enfant depuis son propre DSP
    Quand l'enfant retire le parent des « Assistants » dans une autre session
    Et le parent recharge le DSP de l'enfant
    Alors l'accès au DSP de l'enfant est refusé

  @p21 @PAT-21-05
  Scénario: Des questions ? Le helpdesk et la rubrique « Besoin d'aide »
    Alors le pied de page indique le helpdesk « (+352) 27 12 50 18 33 » et « helpdesk@esante.lu »
    Et il propose la rubrique « Besoin d'aide »
