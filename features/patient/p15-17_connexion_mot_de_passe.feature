# language: fr
@patient
Fonctionnalité: Connexion au DSP par matricule, mot de passe et code reçu
  Quick guide patient, pages 15 à 17 : « SI VOUS N'AVEZ PAS ASSOCIÉ UN PRODUIT LUXTRUST à votre
  compte cliquez sur « Matricule & Mot de passe » et introduisez : votre matricule, le mot de
  passe que vous avez défini, le code reçu par SMS ou e-mail », puis « Mes services eSanté ».

  @p15 @PAT-15-01 @p16 @PAT-16-01 @PAT-16-03 @PAT-16-04 @p17 @PAT-17-01 @PAT-17-02
  Plan du scénario: Le patient se connecte avec son matricule, son mot de passe et le code reçu
    Étant donné un patient dont le compte est activé avec le code à usage unique par « <canal> »
    Quand il clique sur « Connexion » puis sur « Patient » depuis l'accueil
    Alors la page propose « Connexion » avec LuxTrust et « Matricule & Mot de passe »
    Quand il clique sur « Matricule & Mot de passe »
    Et il introduit son matricule et son mot de passe
    Alors il reçoit un code à usage unique de 6 chiffres par <message>
    Quand il introduit le code reçu
    Alors l'espace « Mes services eSanté » s'affiche
    Et il propose les services
      | service                        |
      | Dossier de Soins Partagé (DSP) |

    Exemples:
      | canal  | message |
      | Mobile | SMS     |
      | E-mail | e-mail  |

  @p16 @PAT-16-03 @refus @reference
  Scénario: Un mauvais mot de passe est refusé sans dire si le matricule existe
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il se connecte par « Matricule & Mot de passe » avec un mauvais mot de passe
    Alors un message d'erreur indique « Matricule ou mot de passe incorrect »
    Et aucun code de connexion ne lui a été envoyé
    Quand il se connecte par « Matricule & Mot de passe » avec un matricule sans compte
    Alors un message d'erreur indique « Matricule ou mot de passe incorrect »

  @p16 @PAT-16-04 @refus
  Scénario: Un code erroné ne connecte pas
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il se connecte par « Matricule & Mot de passe » avec son matricule et son mot de passe
    Et il introduit un code erroné
    Alors un message d'erreur concerne le champ « Code reçu par SMS ou par E-mail »
    Et l'espace « Mes services eSanté » ne s'affiche pas

  @p16 @PAT-16-03 @refus @horloge @reference
  Scénario: Après 5 échecs, le compte est bloqué un moment et le helpdesk indiqué
    Étant donné un patient dont le compte est activé avec le code à usage unique par « Mobile »
    Quand il se trompe 5 fois de mot de passe, en laissant passer 30 secondes entre deux essais
    Et il se connecte par « Matricule & Mot de passe » avec son matricule et son mot de passe
    Alors un message d'erreur renvoie vers le helpdesk « (+352) 27 12 50 18 33 »
    Et aucun code de connexion ne lui a été envoyé

  @p17 @PAT-17-01 @refus @reference
  Scénario: Après « Déconnexion », l'ancienne session ne donne plus accès aux services
    Étant donné un patient connecté à « Mes services eSanté »
    Quand il se déconnecte
    Et il revient sur « Mes services eSanté » avec son ancienne session
    Alors l'espace « Mes services eSanté » ne s'affiche pas
