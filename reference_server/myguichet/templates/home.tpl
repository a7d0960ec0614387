% rebase("layout.tpl", title="Accueil")
<h1>Bienvenue sur MyGuichet.lu</h1>
<p>Votre espace privé réunit vos démarches en ligne, les données que les administrations
détiennent sur vous et vos communications avec elles.</p>
<section class="mg-card" aria-labelledby="connexion-titre">
  <h2 id="connexion-titre">Accéder à mon espace privé</h2>
  <p>Authentifiez-vous avec votre produit LuxTrust ou votre carte d'identité électronique.</p>
  <form method="post" action="/luxtrust/connexion">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <button type="submit" class="mg-button">Se connecter avec LuxTrust</button>
  </form>
</section>
