% rebase('layout.tpl', title='Confirmez la connexion', client_name=client_name)
<h1>Confirmez la connexion dans l'application LuxTrust Mobile</h1>
<p>Une demande de connexion a été envoyée à votre téléphone (LuxTrust Mobile n° se terminant par {{serial_end}}).</p>
<p>Ouvrez l'application LuxTrust Mobile, approuvez la demande, puis cliquez sur « Continuer ».</p>
<form method="post" action="/connexion/{{transaction_id}}/mobile" data-poll="/connexion/{{transaction_id}}/statut">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % if get('waiting'):
  <p class="notice" role="status">La connexion n'a pas encore été confirmée sur votre téléphone.</p>
  % end
  <div class="actions">
    <button type="submit" name="action" value="continuer" class="button button-primary">Continuer</button>
    <button type="submit" name="action" value="annuler" class="button">Annuler</button>
  </div>
</form>
