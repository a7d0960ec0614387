% rebase('layout.tpl', title="Gérer mon compte — Moyens d'authentification")
% include('account_tabs.tpl')
<section class="fresh" aria-labelledby="fresh-title">
  <h2 id="fresh-title">Confirmer mon identité</h2>
  % if fresh:
  <p class="notice">Identité confirmée : vous pouvez modifier vos moyens d'authentification pendant {{window_minutes}} minutes.</p>
  % else:
  <p>{{"Pour modifier vos moyens d'authentification, confirmez d'abord votre identité avec un code à usage unique."}}</p>
  % include('errors.tpl', errors={k: v for k, v in errors.items() if k in ('fresh', 'fresh_code')})
  <form method="post" action="/mon-compte/moyens-d-authentification/code">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <button type="submit" class="button">Recevoir un code de confirmation</button>
  </form>
  % if fresh_sent_to:
  <form method="post" action="/mon-compte/moyens-d-authentification/code/confirmer" novalidate>
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <p>Un code a été envoyé à {{fresh_sent_to}}.</p>
    % include('field.tpl', name='code', label='Code de confirmation', inputmode='numeric', autocomplete='one-time-code', errors={'code': errors.get('fresh_code', [])})
    <button type="submit" class="button button-primary">Confirmer</button>
  </form>
  % end
  % end
</section>

<section aria-labelledby="strong-title">
  <h2 id="strong-title">Authentification forte par e-mail/SMS</h2>
  <p>Saisissez vos moyens de communication pour l'authentification par code à usage unique.</p>
  % include('errors.tpl', errors={k: v for k, v in errors.items() if k in ('mobile', 'email', 'change_code')})
  <form method="post" action="/mon-compte/moyens-d-authentification/mobile" novalidate class="inline-field">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    % include('field.tpl', name='mobile', label='Téléphone portable', kind='tel', value=mobile, autocomplete='tel', required=False)
    <button type="submit" class="button">Valider</button>
  </form>
  <form method="post" action="/mon-compte/moyens-d-authentification/email" novalidate class="inline-field">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    % include('field.tpl', name='email', label='E-mail', kind='email', value=email, autocomplete='email', required=False)
    <button type="submit" class="button">Valider</button>
  </form>
  % if change:
  <form method="post" action="/mon-compte/moyens-d-authentification/confirmer" novalidate>
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <p class="notice">Pour confirmer votre nouveau {{change['name']}}, saisissez le code envoyé à {{change['sent_to']}}.</p>
    % include('field.tpl', name='code', label='Code reçu', inputmode='numeric', autocomplete='one-time-code', errors={'code': errors.get('change_code', [])})
    <button type="submit" class="button button-primary">Confirmer le changement</button>
  </form>
  % end
</section>

<section aria-labelledby="luxtrust-title">
  <h2 id="luxtrust-title">Associer un produit LuxTrust</h2>
  <p>Veuillez associer un produit LuxTrust à votre compte</p>
  % include('errors.tpl', errors={k: v for k, v in errors.items() if k == 'products'})
  % if products:
  <ul class="products">
    % for product in products:
    <li>
      <span>{{product.label}} {{product.serial}}</span>
      <form method="post" action="/mon-compte/moyens-d-authentification/produits/{{product.serial}}/supprimer" class="inline">
        <input type="hidden" name="csrf_token" value="{{csrf_token}}">
        <button type="submit" class="button" aria-label="Supprimer {{product.label}} {{product.serial}}">Supprimer</button>
      </form>
    </li>
    % end
  </ul>
  % else:
  <p>Aucun produit LuxTrust n'est associé à votre compte.</p>
  % end
  <form method="post" action="/luxtrust/connexion">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <input type="hidden" name="purpose" value="association-compte">
    <button type="submit" class="button">Associer mon produit LuxTrust</button>
  </form>
</section>

<section aria-labelledby="password-title">
  <h2 id="password-title">Changer mon mot de passe</h2>
  <p>Politique de sécurité :</p>
  <ul>
    % for rule in policy:
    <li>{{rule}}</li>
    % end
  </ul>
  <p>Renseignez tous les champs obligatoires *</p>
  % include('errors.tpl', errors={k: v for k, v in errors.items() if k.startswith('new_password')})
  <form method="post" action="/mon-compte/moyens-d-authentification/mot-de-passe" novalidate class="narrow">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <div class="field">
      <label for="your-matricule">Votre matricule <span class="required" aria-hidden="true">*</span></label>
      <input id="your-matricule" name="matricule" value="{{account.matricule}}" readonly autocomplete="username">
    </div>
    % include('field.tpl', name='new_password', label='Nouveau mot de passe', kind='password', autocomplete='new-password')
    % include('field.tpl', name='new_password_confirmation', label='Confirmation du nouveau mot de passe', kind='password', autocomplete='new-password')
    <button type="submit" class="button button-primary">Valider</button>
  </form>
</section>
