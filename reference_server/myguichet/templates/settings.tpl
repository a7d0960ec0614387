% rebase("layout.tpl", title="Paramètres")
<h1>Paramètres</h1>
<section class="mg-card" aria-labelledby="coordonnees">
  <h2 id="coordonnees">Mes coordonnées</h2>
  <dl class="mg-facts">
    <dt>Adresse e-mail</dt>
    <dd>{{citizen.email or "Non renseignée"}}</dd>
    <dt>Numéro de téléphone</dt>
    <dd>{{citizen.mobile or "Non renseigné"}}</dd>
  </dl>
</section>
<section class="mg-card" aria-labelledby="partage-esante">
  <h2 id="partage-esante">Partage de mon identifiant national avec l'Agence eSanté</h2>
  % if consent and consent.active:
  <p>Depuis le {{granted_on}}, vous consentez à ce que MyGuichet.lu partage votre identifiant
  national avec l'Agence eSanté. Ce consentement est révocable à tout moment.</p>
  <form method="post" action="/parametres/consentement-esante/revocation">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <button type="submit" class="mg-button mg-button-secondary">Révoquer mon consentement</button>
  </form>
  % else:
  <p>MyGuichet.lu ne partage pas votre identifiant national avec l'Agence eSanté.</p>
  % end
</section>
