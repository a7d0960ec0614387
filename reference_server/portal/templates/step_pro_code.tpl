% rebase('wizard.tpl', title="Étape 2 — Code d'activation", current=2, step_names=step_names)
<p class="step-intro">ETAPE 2: Munissez-vous de votre matricule et du code d'activation reçu par courrier de la part de l'Agence eSanté.</p>
<form method="post" action="{{start}}/etape-2" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  <fieldset class="radios" data-toggle-group="received">
    <legend>Avez-vous reçu votre code d'activation ?</legend>
    % include('choice_error.tpl', name='received')
    <input type="radio" id="received-yes" name="received" value="oui"{{!' checked' if received == 'oui' else ''}}{{!' aria-invalid="true" aria-describedby="received-error"' if errors.get('received') else ''}}>
    <label for="received-yes">Oui</label>
    <input type="radio" id="received-no" name="received" value="non"{{!' checked' if received == 'non' else ''}}{{!' aria-invalid="true" aria-describedby="received-error"' if errors.get('received') else ''}}>
    <label for="received-no">Non</label>
  </fieldset>
  <div data-shown-when="received=oui">
    % include('field.tpl', name='matricule', label='Matricule', value=matricule, inputmode='numeric', hint='11 ou 13 chiffres.')
    % include('field.tpl', name='activation_code', label="Code d'activation", value='', hint="Tel qu'il figure sur le courrier de l'Agence eSanté.")
  </div>
  <p data-shown-when="received=non">Sans code d'activation, « Étape suivante » vous mène au formulaire de demande d'un nouveau courrier.</p>
  <div class="actions">
    <a class="button" href="{{start}}/etape-1">Étape précédente</a>
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
