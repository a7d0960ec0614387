% rebase('wizard.tpl', title="Étape 4 — Autres moyens d'authentification", current=4, step_names=step_names)
<p class="step-intro">ETAPE 4: Si vous le souhaitez (pas obligatoire) vous pouvez associer un produit LuxTrust à votre compte.</p>
<form method="post" action="/activation/patient/etape-4">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <section class="luxtrust" aria-labelledby="luxtrust-title">
    <h2 id="luxtrust-title">Produit LuxTrust (facultatif)</h2>
    <p>Un produit LuxTrust (Token, Smartcard, Signing Stick, carte d'identité électronique ou LuxTrust Mobile) vous permettra de vous connecter sans mot de passe.</p>
    <p class="notice">L'association d'un produit LuxTrust n'est pas encore proposée par ce monde de référence.</p>
  </section>
  <p>Sinon cliquez sur « Étape suivante ».</p>
  <div class="actions">
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
