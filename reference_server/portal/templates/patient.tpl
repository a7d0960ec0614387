% rebase('layout.tpl', title='Patient — authentification et activation')
<h1>Espace patient</h1>
<p>Vous êtes sur la page d'authentification/activation pour patient.</p>
<div class="two-columns">
  <section aria-labelledby="se-connecter">
    <h2 id="se-connecter">Me connecter</h2>
    <h3>Si vous avez associé un produit LuxTrust à votre compte</h3>
    <form method="post" action="/luxtrust/connexion">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      <input type="hidden" name="purpose" value="connexion-patient">
      <button type="submit" class="button button-primary">Connexion</button>
    </form>
    <h3>Si vous n'avez pas associé de produit LuxTrust à votre compte</h3>
    <p><a class="button" href="/connexion/matricule">Matricule &amp; Mot de passe</a></p>
    <p>Vous pouvez aussi accéder à votre DSP via l'application mobile MyDSP ou votre espace privé sur MyGuichet.lu.</p>
  </section>
  <section aria-labelledby="activer">
    <h2 id="activer">Activer mon compte eSanté</h2>
    <p>L'activation de votre compte eSanté vous donne accès aux différents services eSanté et notamment à votre DSP.</p>
    <p>Munissez-vous du courrier envoyé par l'Agence eSanté contenant votre code d'activation.</p>
    <p><a class="button button-primary" href="/activation/patient">J'active mon compte</a></p>
    <p><a class="button" href="/activation/patient/demande-de-code">Je n'ai pas de code d'activation</a></p>
  </section>
</div>
