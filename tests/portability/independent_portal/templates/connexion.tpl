% rebase('base.tpl', title='Connexion')
<h1>Connexion</h1>
<p>Qui êtes-vous ?</p>
<div class="actions">
  <a class="bouton" href="/patient">Patient</a>
  <a class="bouton" href="/professionnel">Professionnel</a>
</div>
<p class="note">! L'activation de votre compte eSanté vous donne accès aux différents services eSanté et notamment à
votre DSP.</p>
