# language: fr
@securite
Fonctionnalité: Sécurité du DSP : chacun n'ouvre que les dossiers auxquels il a droit, à chaque requête
  Profil de sécurité, hors des guides : ce que l'OWASP ASVS 5.0 demande des autorisations. Changer
  l'adresse d'un dossier ou d'un document ne donne pas accès au dossier d'un autre patient, et un
  « Assistant DSP » retiré perd l'accès dès sa requête suivante, sans attendre qu'il se reconnecte.

  @ASVS-8.2.2 @refus
  Scénario: Un patient ne peut pas ouvrir le DSP d'un autre patient en changeant l'adresse
    Étant donné un patient connecté à son DSP
    Et un autre patient dont le DSP contient 2 documents
    Quand le patient ouvre l'adresse du DSP de l'autre patient
    Alors rien du DSP de l'autre patient ne s'affiche
    Quand le patient ouvre l'adresse d'un document de l'autre patient
    Alors le document de l'autre patient ne lui est pas remis

  @ASVS-8.3.2 @refus
  Scénario: Un « Assistant DSP » retiré est refusé dès sa requête suivante
    Étant donné un parent dont le compte eSanté est activé
    Et un enfant mineur dont le parent est « Assistant DSP »
    Et le parent a ouvert le DSP de l'enfant depuis son propre DSP
    Quand l'enfant retire le parent des « Assistants » dans une autre session
    Et le parent recharge le DSP de l'enfant
    Alors rien du DSP de l'enfant ne s'affiche au parent
