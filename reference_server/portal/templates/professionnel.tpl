% rebase('layout.tpl', title='Professionnel — connexion')
<h1>Espace professionnel de santé</h1>
<div class="two-columns">
  <section aria-labelledby="se-connecter">
    <h2 id="se-connecter">Me connecter</h2>
    <p>Connectez-vous aux services eSanté avec votre produit LuxTrust : Token, Smartcard, Signing Stick, carte d'identité électronique ou LuxTrust Mobile.</p>
    <form method="post" action="/luxtrust/connexion">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      <input type="hidden" name="purpose" value="connexion-professionnel">
      <button type="submit" class="button button-primary">Connexion</button>
    </form>
    <p>Votre produit LuxTrust est indisponible ? Si vous avez défini un mot de passe :</p>
    <p><a class="button" href="/connexion/matricule">Matricule &amp; Mot de passe</a></p>
  </section>
  <section aria-labelledby="activer">
    <h2 id="activer">Pas encore de compte eSanté ?</h2>
    <p>Activez votre compte avec le courrier de l'Agence eSanté et votre produit LuxTrust.</p>
    <p><a class="button" href="/activation/professionnel">Activation compte eSanté</a></p>
  </section>
</div>
