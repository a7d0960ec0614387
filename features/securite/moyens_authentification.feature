# language: fr
@securite
Fonctionnalité: Sécurité des moyens d'authentification : une confirmation d'identité qu'on ne devine pas
  Profil de sécurité, hors des guides : ce que l'OWASP ASVS 5.0 et le NIST SP 800-63B (révision 3)
  demandent de la confirmation d'identité par code avant de changer ses moyens d'authentification.
  Les codes de confirmation erronés sont limités par compte : quelqu'un qui se sert d'une session
  ouverte ne change ni le téléphone portable ni le mot de passe en devinant un code, même en se
  faisant envoyer de nouveaux codes entre ses essais.

  @ASVS-6.6.3 @NIST-800-63B-5.2.2 @refus
  Scénario: Les codes de confirmation erronés sont limités par compte, même en demandant de nouveaux codes
    Étant donné un patient connecté à « Mes services eSanté »
    Quand il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Moyens d'authentification »
    Et quelqu'un qui se sert de sa session essaie 12 codes de confirmation erronés, en demandant un nouveau code tous les 3 essais
    Et il introduit ensuite le dernier code de confirmation reçu, si le portail le lui demande encore
    Alors son téléphone portable et son mot de passe ne peuvent pas être changés
