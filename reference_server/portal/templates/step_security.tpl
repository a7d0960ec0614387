% rebase('wizard.tpl', title="Étape %d — Sécurisation de votre compte" % current, current=current, step_names=step_names)
<p class="step-intro">ETAPE {{current}}: Choisissez le moyen par lequel vous souhaitez recevoir votre code à usage unique.</p>
<form method="post" action="{{start}}/etape-{{current}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % if sent_to is None:
  <fieldset class="radios" data-toggle-group="channel">
    <legend>Code à usage unique à recevoir par</legend>
    % include('choice_error.tpl', name='channel')
    <input type="radio" id="channel-sms" name="channel" value="sms"{{!' checked' if channel == 'sms' else ''}}{{!' aria-invalid="true" aria-describedby="channel-error"' if errors.get('channel') else ''}}>
    <label for="channel-sms">Mobile</label>
    <input type="radio" id="channel-email" name="channel" value="email"{{!' checked' if channel == 'email' else ''}}{{!' aria-invalid="true" aria-describedby="channel-error"' if errors.get('channel') else ''}}>
    <label for="channel-email">E-mail</label>
  </fieldset>
  <div data-shown-when="channel=sms">
    % include('field.tpl', name='mobile', label='Mobile', kind='tel', value=mobile, autocomplete='tel', hint='Numéro de téléphone portable, par exemple 691 123 456.')
  </div>
  <div data-shown-when="channel=email">
    % include('field.tpl', name='email', label='E-mail', kind='email', value=email, autocomplete='email')
  </div>
  <div class="actions">
    <a class="button" href="{{start}}/etape-{{current - 1}}">Étape précédente</a>
    <button type="submit" name="action" value="send" class="button button-primary">Valider</button>
  </div>
  % else:
  <p class="notice" role="status">Un code à usage unique a été envoyé {{'par SMS au' if channel == 'sms' else 'par e-mail à'}} {{sent_to}}. Il est valable {{ttl_minutes}} minutes.</p>
  % include('field.tpl', name='code', label='Code reçu par SMS ou par E-mail', inputmode='numeric', autocomplete='one-time-code')
  <div class="actions">
    <button type="submit" name="action" value="verify" class="button button-primary">Valider</button>
  </div>
  <div class="actions secondary">
    <button type="submit" name="action" value="resend" class="button">Recevoir un nouveau code</button>
    <button type="submit" name="action" value="change" class="button">Changer de moyen de réception</button>
  </div>
  % end
</form>
