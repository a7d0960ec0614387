% rebase('layout.tpl', title='Connexion')
<h1>Connexion</h1>
<p>Choisissez votre espace :</p>
<ul class="choices">
  <li><a class="button button-primary" href="/patient">Patient</a></li>
  <li><a class="button button-primary" href="/professionnel">Professionnel</a></li>
</ul>
