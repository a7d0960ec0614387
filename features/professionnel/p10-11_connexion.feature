# language: fr
@professionnel
Fonctionnalité: Connexion aux services eSanté avec LuxTrust
  Quick guide professionnel de santé, pages 10 et 11 : « cliquez sur « Connexion » et ensuite sur
  « Professionnel » », « Cliquez sur « Connexion » et suivez la procédure indiquée », puis
  l'espace « Mes services eSanté ».

  @p10 @PRO-10-01 @p11 @PRO-11-01 @PRO-11-02 @PRO-11-03
  Scénario: Le professionnel activé se connecte avec son produit LuxTrust
    Étant donné un professionnel de santé dont le compte est activé avec son « Token »
    Quand il clique sur « Connexion » puis sur « Professionnel » depuis l'accueil
    Et il clique sur « Connexion » pour se connecter avec LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Token »
    Alors l'espace « Mes services eSanté » s'affiche
    Et il propose les services
      | service                                          |
      | Dossier de Soins Partagé (DSP)                   |
      | Remboursement accéléré des mémoires d'honoraires |

  @p11 @PRO-11-01 @refus @reference
  Scénario: Un produit LuxTrust associé à aucun compte ne permet pas de se connecter
    Étant donné un professionnel de santé qui a reçu son courrier d'activation et possède un « Smartcard »
    Quand il clique sur « Connexion » puis sur « Professionnel » depuis l'accueil
    Et il clique sur « Connexion » pour se connecter avec LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Smartcard »
    Alors le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation
    Et l'espace « Mes services eSanté » ne s'affiche pas
