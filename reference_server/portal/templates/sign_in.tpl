% rebase('layout.tpl', title='Connexion — Matricule & Mot de passe')
<h1>Connexion par matricule et mot de passe</h1>
<p>Introduisez votre matricule et le mot de passe que vous avez défini ; vous recevrez ensuite un code par SMS ou par e-mail.</p>
<form method="post" action="/connexion/matricule" novalidate class="narrow">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % include('field.tpl', name='matricule', label='Matricule', value=matricule, inputmode='numeric', autocomplete='username')
  % include('field.tpl', name='password', label='Mot de passe', kind='password', autocomplete='current-password')
  <div class="actions">
    <a class="button" href="/patient">Retour</a>
    <button type="submit" class="button button-primary">Se connecter</button>
  </div>
</form>
