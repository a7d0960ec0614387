# language: fr
@securite
Fonctionnalité: Sécurité des sessions : nouvelle session à la connexion, session close à la déconnexion
  Profil de sécurité, hors des guides : ce que l'OWASP ASVS 5.0 et le NIST SP 800-63B (révision 3)
  demandent des sessions. Les cookies d'avant la connexion ne donnent jamais accès à l'espace
  connecté (fixation de session), et ceux d'une session terminée par « Déconnexion » non plus.

  @ASVS-7.2.4 @NIST-800-63B-7.1 @refus
  Scénario: La connexion ouvre une nouvelle session : les cookies d'avant ne donnent pas accès
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il ouvre la page « Matricule & Mot de passe »
    Et quelqu'un relève les cookies de son navigateur
    Et il se connecte avec son matricule, son mot de passe et le code reçu
    Alors l'espace « Mes services eSanté » s'affiche
    Et la session est portée par un nouveau cookie
    Quand quelqu'un ouvre « Mes services eSanté » depuis un autre navigateur avec les cookies relevés
    Alors « Mes services eSanté » ne s'affiche pas dans cet autre navigateur

  @ASVS-7.4.1 @NIST-800-63B-7.1 @refus
  Scénario: Après « Déconnexion », les cookies de la session ne donnent plus accès ni aux services ni au DSP
    Étant donné un patient connecté à son DSP
    Quand quelqu'un relève les cookies de son navigateur
    Et il se déconnecte
    Et quelqu'un ouvre « Mes services eSanté » depuis un autre navigateur avec les cookies relevés
    Alors « Mes services eSanté » ne s'affiche pas dans cet autre navigateur
    Quand quelqu'un ouvre l'adresse de son DSP dans cet autre navigateur
    Alors son DSP ne s'affiche pas dans cet autre navigateur
