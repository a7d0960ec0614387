% rebase('base.tpl', title='Espace patient')
<h1>Espace patient</h1>
<p>Vous êtes sur la page d'authentification/activation pour patient.</p>
<div class="colonnes">
  <section aria-labelledby="titre-activation">
    <h2 id="titre-activation">Première visite ?</h2>
    <p>Activez votre compte avec le code d'activation reçu par courrier de l'Agence eSanté.</p>
    <p><a class="bouton" href="/activation/cgu">J'active mon compte</a></p>
    <p>Vous n'avez pas reçu de courrier ?
      <a class="bouton discret" href="/activation/demande-de-code">Je n'ai pas de code d'activation</a></p>
  </section>
  <section aria-labelledby="titre-connexion">
    <h2 id="titre-connexion">Compte déjà activé ?</h2>
    <p>La connexion aux services eSanté n'est pas proposée par ce portail.</p>
  </section>
</div>
<p class="note">! L'activation de votre compte eSanté vous donne accès aux différents services eSanté et notamment à
votre DSP.</p>
