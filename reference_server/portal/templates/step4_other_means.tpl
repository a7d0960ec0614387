% rebase('wizard.tpl', title="Étape 4 — Autres moyens d'authentification", current=4, step_names=step_names)
<p class="step-intro">ETAPE 4: Si vous le souhaitez (pas obligatoire) vous pouvez associer un produit LuxTrust à votre compte.</p>
<section class="luxtrust" aria-labelledby="luxtrust-title">
  <h2 id="luxtrust-title">Produit LuxTrust (facultatif)</h2>
  <p>Un produit LuxTrust (Token, Smartcard, Signing Stick, carte d'identité électronique ou LuxTrust Mobile) vous permettra de vous connecter sans mot de passe. Cliquez sur le logo de LuxTrust et suivez les indications à l'écran.</p>
  % if products:
  <p>Produits associés à votre compte :</p>
  <ul>
    % for product in products:
    <li>{{product.label}} {{product.serial}}</li>
    % end
  </ul>
  % end
  <form method="post" action="/luxtrust/connexion">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <input type="hidden" name="purpose" value="association-patient">
    <button type="submit" class="luxtrust-logo">LuxTrust</button>
  </form>
</section>
<form method="post" action="{{start}}/etape-4">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <p>Sinon cliquez sur « Étape suivante ».</p>
  <div class="actions">
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
