% rebase('layout.tpl', title='Connexion — code à usage unique')
<h1>Code à usage unique</h1>
<p class="notice" role="status">Un code à usage unique a été envoyé {{'par SMS au' if channel == 'sms' else 'par e-mail à'}} {{sent_to}}.</p>
<form method="post" action="/connexion/code" novalidate class="narrow">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % include('field.tpl', name='code', label='Code reçu par SMS ou par E-mail', inputmode='numeric', autocomplete='one-time-code')
  <div class="actions">
    <button type="submit" name="action" value="verify" class="button button-primary">Valider</button>
    <button type="submit" name="action" value="resend" class="button">Recevoir un nouveau code</button>
  </div>
</form>
