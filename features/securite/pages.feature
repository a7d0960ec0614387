# language: fr
@securite
Fonctionnalité: Sécurité des pages : demandes forgées, noms piégés et cadres d'autres sites
  Profil de sécurité, hors des guides : ce que l'OWASP ASVS 5.0 demande des pages du portail. Un
  formulaire envoyé sans son jeton ne change rien, ce qu'une personne a écrit dans son nom s'affiche
  tel quel sans s'exécuter, et les pages ne s'affichent pas dans le cadre d'un autre site.

  @ASVS-3.5.1 @refus
  Plan du scénario: Un formulaire envoyé <envoi> est refusé et ne change rien
    Étant donné un patient connecté à « Mes services eSanté »
    Quand il ouvre « Mon Compte » puis « Gérer mon compte »
    Et il clique sur l'onglet « Informations personnelles »
    Et quelqu'un envoie à sa place le formulaire des notifications par e-mail, inversé, <envoi>
    Alors cet envoi est refusé
    Et ses choix de notifications par e-mail sont inchangés

    Exemples:
      | envoi                |
      | sans son jeton       |
      | avec un jeton erroné |

  @ASVS-1.2.1 @refus
  Scénario: Un nom qui contient du code s'affiche tel qu'il est écrit, sans s'exécuter
    Étant donné un patient connecté à son DSP dont le prénom et le nom sont
      | prénom                                 | nom                                             |
      | <script>window.esanteXss=1</script>Zoé | "><img src=x onerror="window.esanteXss=2">Weber |
    Alors son DSP affiche son prénom et son nom tels qu'ils sont écrits
    Et aucun code venu de son nom ne s'est exécuté

  @ASVS-3.4.6 @refus
  Scénario: Une page connectée du portail ne s'affiche pas dans le cadre d'un autre site
    Étant donné un patient connecté à « Mes services eSanté »
    Quand une page d'un autre site ouvre « Mes services eSanté » dans un cadre
    Alors le cadre n'affiche aucune page du portail
