% rebase('base.tpl', title='Étape 2 : Mot de passe')
% include('progress.tpl', current=2)
<h1>Étape 2 : Mot de passe</h1>
<p>ETAPE 2: Définissez un mot de passe personnel et confirmez-le. Il doit faire au minimum 8 caractères, comprendre
au moins un caractère alphabétique et au moins un caractère numérique.</p>
<form method="post" action="/activation/etape-2">
  % include('errors.tpl')
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div class="champ">
    <span id="libelle-mdp">Mot de passe</span>
    <input type="password" name="mot_de_passe" aria-labelledby="libelle-mdp" autocomplete="new-password">
  </div>
  <div class="champ">
    <span id="libelle-confirmation">Confirmation du mot de passe</span>
    <input type="password" name="confirmation" aria-labelledby="libelle-confirmation" autocomplete="new-password">
  </div>
  <div class="actions">
    <a class="bouton discret" href="/activation/etape-1">Etape précédente</a>
    <input type="submit" value="Etape suivante">
  </div>
</form>
