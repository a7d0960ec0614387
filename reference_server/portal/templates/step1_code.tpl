% rebase('wizard.tpl', title="Étape 1 — Code d'activation", current=1, step_names=step_names)
<p class="step-intro">ETAPE 1: Munissez-vous de votre matricule et de votre code d'activation qui se trouve sur le courrier envoyé par l'Agence eSanté.</p>
<form method="post" action="{{start}}/etape-1" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  <div class="inline-field">
    % include('field.tpl', name='matricule', label='Matricule', value=matricule, inputmode='numeric', hint='Votre numéro de sécurité sociale à 13 chiffres, par exemple 1918090138700.')
    <button type="submit" name="action" value="matricule" class="button">Valider</button>
  </div>
  % if matricule_checked:
  <fieldset class="radios" data-toggle-group="received">
    <legend>Avez-vous reçu votre code d'activation ?</legend>
    % include('choice_error.tpl', name='received')
    <input type="radio" id="received-yes" name="received" value="oui"{{!' checked' if received == 'oui' else ''}}{{!' aria-invalid="true" aria-describedby="received-error"' if errors.get('received') else ''}}>
    <label for="received-yes">Oui</label>
    <input type="radio" id="received-no" name="received" value="non"{{!' checked' if received == 'non' else ''}}{{!' aria-invalid="true" aria-describedby="received-error"' if errors.get('received') else ''}}>
    <label for="received-no">Non</label>
  </fieldset>
  <div data-shown-when="received=oui">
    % include('field.tpl', name='activation_code', label="Code d'activation", value='', autocomplete='off', hint="Tel qu'il figure sur le courrier de l'Agence eSanté, par exemple ABCDE-23456.")
    % if code_verified:
    <p class="notice">Le code d'activation de ce matricule est déjà vérifié : vous pouvez passer à l'étape suivante sans le saisir à nouveau.</p>
    % end
  </div>
  <p data-shown-when="received=non">Sans code d'activation, vous pouvez demander un nouveau courrier : « Étape suivante » vous mène au formulaire de demande.</p>
  <div class="actions">
    <button type="submit" name="action" value="next" class="button button-primary">Étape suivante</button>
  </div>
  % end
</form>
