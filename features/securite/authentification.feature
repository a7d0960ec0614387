# language: fr
@securite
Fonctionnalité: Sécurité de la connexion par « Matricule & Mot de passe »
  Profil de sécurité, hors des guides : ce que l'OWASP ASVS 5.0 et le NIST SP 800-63B (révision 3)
  demandent de toute connexion. Un refus ne dit pas si le matricule a un compte, les essais de mot
  de passe et de code sont limités par compte, comme les codes envoyés, et un code reçu ne sert
  qu'une fois et pas plus de 10 minutes.

  @ASVS-6.3.8 @refus
  Scénario: Un matricule sans compte et un mauvais mot de passe reçoivent la même réponse
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand quelqu'un essaie de se connecter avec son matricule et un mauvais mot de passe
    Et quelqu'un essaie de se connecter avec un matricule qui n'a pas de compte
    Alors les deux refus affichent les mêmes mots, avec le même statut HTTP
    Et aucun code de connexion ne lui a été envoyé

  @ASVS-6.3.1 @NIST-800-63B-5.2.2 @refus
  Scénario: Après des mauvais mots de passe répétés, même le bon mot de passe ne connecte plus aussitôt
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand quelqu'un essaie 10 mauvais mots de passe de suite avec son matricule
    Et le patient se connecte aussitôt après avec son matricule et son bon mot de passe
    Alors aucun code de connexion ne lui a été envoyé
    Et l'espace « Mes services eSanté » ne s'affiche pas

  @ASVS-6.6.3 @NIST-800-63B-5.2.2 @refus
  Scénario: Les codes erronés sont limités par compte, même en se faisant envoyer de nouveaux codes
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand quelqu'un qui connaît son mot de passe essaie 12 codes erronés, en se reconnectant pour un nouveau code tous les 3 essais
    Et il introduit ensuite le dernier code reçu, si le portail le lui demande encore
    Alors l'espace « Mes services eSanté » ne s'affiche pas

  @ASVS-2.4.1 @refus
  Scénario: Les codes envoyés à la connexion sont limités par compte, même en se reconnectant
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand quelqu'un qui connaît son mot de passe demande 15 fois « Recevoir un nouveau code », en se reconnectant tous les 3 codes
    Alors le patient reçoit au plus 12 codes de connexion

  @ASVS-6.5.5 @NIST-800-63B-5.1.3.2 @refus @horloge
  Scénario: Un code de connexion reçu il y a plus de 10 minutes est refusé
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il se connecte par « Matricule & Mot de passe » avec son matricule et son mot de passe
    Et 11 minutes passent
    Et il introduit le code reçu
    Alors l'espace « Mes services eSanté » ne s'affiche pas

  @ASVS-6.5.1 @NIST-800-63B-5.1.3.2 @refus
  Scénario: Un code de connexion déjà utilisé ne sert pas une seconde fois
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il se connecte par « Matricule & Mot de passe » avec son matricule et son mot de passe
    Et quelqu'un relève les cookies de son navigateur
    Et il introduit le code reçu, pendant que quelqu'un enregistre cet envoi
    Alors l'espace « Mes services eSanté » s'affiche
    Quand quelqu'un renvoie ce même code depuis un autre navigateur avec les cookies relevés
    Alors « Mes services eSanté » ne s'affiche pas dans cet autre navigateur
