% rebase('layout.tpl', title='Connexion', client_name=client_name)
<h1>Connexion avec LuxTrust</h1>
<form method="post" action="/connexion/{{transaction_id}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  % include('errors.tpl')
  % product_error = errors.get('product')
  <fieldset class="products"{{!' aria-describedby="product-error"' if product_error else ''}}>
    <legend>Choisissez votre produit LuxTrust</legend>
    % for product in products:
    <div class="radio">
      <input type="radio" id="product-{{product.key}}" name="product" value="{{product.key}}"{{!' checked' if product.key == selected else ''}}{{!' aria-invalid="true"' if product_error else ''}}>
      <label for="product-{{product.key}}">{{product.label}}</label>
    </div>
    % end
  </fieldset>
  % include('field.tpl', name='user_id', label='Identifiant', value=user_id, autocomplete='username')
  % include('field.tpl', name='password', label='Mot de passe', kind='password', value='', autocomplete='current-password')
  <div class="actions">
    <button type="submit" name="action" value="continuer" class="button button-primary">Continuer</button>
    <button type="submit" name="action" value="annuler" class="button">Annuler</button>
  </div>
</form>
