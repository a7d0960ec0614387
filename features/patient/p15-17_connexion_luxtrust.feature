# language: fr
@patient
Fonctionnalité: Connexion au DSP avec un produit LuxTrust
  Quick guide patient, pages 15 à 17 : « cliquez sur le bouton « Connexion » et ensuite sur
  « PATIENT » » ; « SI VOUS AVEZ ASSOCIÉ UN PRODUIT LUXTRUST à votre compte, cliquez sur
  « Connexion » » ; après connexion, l'espace « Mes services eSanté ».

  @p15 @PAT-15-01 @PAT-15-02 @p16 @PAT-16-02 @p17 @PAT-17-01 @PAT-17-02
  Scénario: Le patient se connecte avec le produit LuxTrust associé à son compte
    Étant donné un patient dont le compte est activé avec son « Smartcard » associée
    Quand il clique sur « Connexion » puis sur « Patient » depuis l'accueil
    Alors la page rappelle que le DSP est aussi accessible par l'app MyDSP et par MyGuichet.lu
    Quand il clique sur « Connexion » pour se connecter avec LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Smartcard »
    Alors l'espace « Mes services eSanté » s'affiche
    Et il propose les services
      | service                        |
      | Dossier de Soins Partagé (DSP) |

  @p16 @PAT-16-02 @refus @reference
  Scénario: Un produit LuxTrust qui n'est pas associé au compte ne permet pas de se connecter
    Étant donné un patient dont le compte est activé sans produit LuxTrust mais qui possède un « Token »
    Quand il clique sur « Connexion » puis sur « Patient » depuis l'accueil
    Et il clique sur « Connexion » pour se connecter avec LuxTrust
    Et il s'authentifie auprès de LuxTrust avec son « Token »
    Alors le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation
    Et l'espace « Mes services eSanté » ne s'affiche pas
