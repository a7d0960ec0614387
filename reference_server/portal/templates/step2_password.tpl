% rebase('wizard.tpl', title="Étape 2 — Mot de passe", current=2, step_names=step_names)
<p class="step-intro">ETAPE 2: Définissez un mot de passe personnel et confirmez-le. {{policy}}</p>
<form method="post" action="{{start}}/etape-2" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % if password_kept:
  <p class="notice">Un mot de passe a déjà été défini : laissez les deux champs vides pour le conserver.</p>
  % end
  % include('field.tpl', name='password', label='Mot de passe', kind='password', autocomplete='new-password')
  % include('field.tpl', name='password_confirmation', label='Confirmation du mot de passe', kind='password', autocomplete='new-password')
  <div class="actions">
    <a class="button" href="{{start}}/etape-1">Étape précédente</a>
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
