% rebase("layout.tpl", title="Paramètres")
<h1>Paramètres</h1>
<section class="mg-card" aria-labelledby="coordonnees">
  <h2 id="coordonnees">Mes coordonnées</h2>
  <p>Les administrations utilisent ces coordonnées pour vous contacter ; l'Agence eSanté les
  reprend si vous activez votre compte eSanté depuis MyGuichet.lu.</p>
  % if errors:
  <div class="mg-errors" role="alert">
    % for name, message in errors.items():
    <p id="{{name}}-error">{{message}}</p>
    % end
  </div>
  % end
  <form method="post" action="/parametres/coordonnees" novalidate>
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    % for name, label, kind, autocomplete in (("email", "Adresse e-mail", "email", "email"), ("mobile", "Numéro de téléphone", "tel", "tel")):
    <div class="mg-field">
      <label for="{{name}}">{{label}}</label>
      <input id="{{name}}" name="{{name}}" type="{{kind}}" autocomplete="{{autocomplete}}" value="{{typed[name]}}"{{!' aria-invalid="true" aria-describedby="%s-error"' % name if name in errors else ''}}>
    </div>
    % end
    <button type="submit" class="mg-button">Enregistrer</button>
  </form>
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
