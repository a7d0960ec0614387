% rebase('layout.tpl', title=heading, client_name=client_name)
<h1>{{heading}}</h1>
<p>{{product.instructions}}</p>
<p class="device">{{product.label}} n° {{serial}}</p>
<form method="post" action="/connexion/{{transaction_id}}/code" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % if product.proof == 'totp':
  % include('field.tpl', name='code', label='Code affiché sur votre Token', inputmode='numeric', autocomplete='one-time-code')
  % else:
  % include('field.tpl', name='pin', label='Code PIN', kind='password', inputmode='numeric')
  % end
  <div class="actions">
    <button type="submit" name="action" value="valider" class="button button-primary">Valider</button>
    <button type="submit" name="action" value="annuler" class="button">Annuler</button>
  </div>
</form>
