# language: fr
@patient
Fonctionnalité: Étape 2 – Mot de passe
  Quick guide patient, page 10 : « Entrez un mot de passe personnel, confirmez-le et cliquez sur
  « Etape suivante ». Le mot de passe doit faire au minimum 8 caractères, comprendre au moins un
  caractère alphabétique et au moins un caractère numérique. »

  Contexte:
    Étant donné un patient à l'étape « Mot de passe » de l'activation

  @p10 @PAT-10-01 @PAT-10-02 @PAT-10-03
  Scénario: Le patient définit un mot de passe conforme
    Alors la consigne rappelle la politique du mot de passe
    Et les champs du mot de passe masquent les caractères saisis
    Quand il définit un mot de passe conforme, le confirme et clique sur « Étape suivante »
    Alors l'étape « Sécurisation de votre compte » s'affiche

  @p10 @PAT-10-02 @refus
  Plan du scénario: Chaque règle du mot de passe a son propre message
    Quand il saisit le mot de passe « <mot de passe> », le confirme et clique sur « Étape suivante »
    Alors un message d'erreur indique « <règle> »
    Et aucun message d'erreur n'indique « <règle respectée> »
    Et l'étape « Mot de passe » reste l'étape en cours

    Exemples:
      | mot de passe | règle                              | règle respectée                    |
      | abc1234      | au minimum 8 caractères            | au moins un caractère numérique    |
      | 12345678     | au moins un caractère alphabétique | au minimum 8 caractères            |
      | abcdefgh     | au moins un caractère numérique    | au moins un caractère alphabétique |

  @p10 @PAT-10-01 @refus
  Scénario: Une confirmation différente est refusée
    Quand il saisit un mot de passe conforme et une confirmation différente, puis clique sur « Étape suivante »
    Alors un message d'erreur concerne le champ « Confirmation du mot de passe »
    Et l'étape « Mot de passe » reste l'étape en cours

  @p10 @PAT-10-04
  Scénario: « Étape précédente » revient à l'étape 1 sans perdre le matricule
    Quand il clique sur « Étape précédente »
    Alors l'étape « Code d'activation » s'affiche
    Et son matricule est toujours renseigné
