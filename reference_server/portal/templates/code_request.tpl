% rebase('layout.tpl', title="Je n'ai pas de code d'activation")
<h1>Je n'ai pas de code d'activation</h1>
<p>Remplissez ce formulaire : l'Agence eSanté vous enverra un nouveau courrier d'activation par voie postale. Les champs marqués d'un astérisque sont obligatoires ; indiquez au moins une adresse e-mail ou un numéro de téléphone portable.</p>
<form method="post" action="/activation/patient/demande-de-code" novalidate class="narrow">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % include('field.tpl', name='matricule', label='Matricule', value=values['matricule'], inputmode='numeric')
  % include('field.tpl', name='last_name', label='Nom', value=values['last_name'], autocomplete='family-name')
  % include('field.tpl', name='first_name', label='Prénom', value=values['first_name'], autocomplete='given-name')
  % include('field.tpl', name='email', label='E-mail', kind='email', value=values['email'], autocomplete='email', required=False)
  % include('field.tpl', name='mobile', label='Téléphone portable', kind='tel', value=values['mobile'], autocomplete='tel', required=False)
  <fieldset>
    <legend>Adresse postale</legend>
    % include('field.tpl', name='street', label='Rue et numéro', value=values['street'], autocomplete='street-address')
    % include('field.tpl', name='postcode', label='Code postal', value=values['postcode'], autocomplete='postal-code', hint='Par exemple L-1234.')
    % include('field.tpl', name='locality', label='Localité', value=values['locality'], autocomplete='address-level2')
  </fieldset>
  <div class="actions">
    <a class="button" href="/patient">Retour</a>
    <button type="submit" class="button button-primary">Envoyer ma demande</button>
  </div>
</form>
