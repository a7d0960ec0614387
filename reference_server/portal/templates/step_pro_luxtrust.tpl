% rebase('wizard.tpl', title="Étape 1 — Produit LuxTrust", current=1, step_names=step_names)
<section class="luxtrust" aria-labelledby="luxtrust-title">
  <h2 id="luxtrust-title">Associer un produit LuxTrust</h2>
  <p>L'authentification LuxTrust peut se faire via Token, Smartcard, Signing Stick, Carte d'identité électronique ou LuxTrust Mobile. Vous pourrez à tout moment associer d'autres produits LuxTrust à votre compte.</p>
  % include('errors.tpl')
  % if identity:
  <p class="notice">Produit associé : {{identity['device_label']}} {{identity['device_serial']}} ({{identity['given_name']}} {{identity['family_name']}})</p>
  % end
  <form method="post" action="/luxtrust/connexion">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <input type="hidden" name="purpose" value="activation-professionnel">
    <button type="submit" class="button{{'' if identity else ' button-primary'}}">Connexion</button>
  </form>
</section>
% if identity:
<form method="post" action="{{start}}/etape-1">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <div class="actions">
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
% end
