% rebase('base.tpl', title='Étape 3 : Sécurisation de votre compte')
% include('progress.tpl', current=3)
<h1>Étape 3 : Sécurisation de votre compte</h1>
% if sent_to is None:
<p>ETAPE 3: Choisissez le moyen par lequel vous souhaitez recevoir votre code à usage unique.</p>
<form method="post" action="/activation/etape-3/canal">
  % include('errors.tpl')
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div role="radiogroup" aria-labelledby="question-canal">
    <p id="question-canal">Code à usage unique à recevoir par</p>
    <label><input type="radio" name="canal" value="mobile" data-reveal{{!' checked' if channel == 'mobile' else ''}}>
      Mobile</label>
    <label><input type="radio" name="canal" value="email" data-reveal{{!' checked' if channel == 'email' else ''}}>
      E-mail</label>
  </div>
  <label class="champ" data-when="canal" data-value="mobile">Numéro de mobile
    <input name="mobile" type="tel" autocomplete="tel" placeholder="691 123 456" value="{{values.get('mobile', '')}}">
  </label>
  <label class="champ" data-when="canal" data-value="email">Adresse e-mail
    <input name="email" type="email" autocomplete="email" value="{{values.get('email', '')}}"></label>
  <div class="actions">
    <a class="bouton discret" href="/activation/etape-{{previous_step}}">Etape précédente</a>
    <input type="submit" value="Valider">
  </div>
</form>
% else:
<p>Rentrez le code reçu (par e-mail ou sms) et validez. Il a été envoyé à {{sent_to}}.</p>
<form method="post" action="/activation/etape-3/code">
  % include('errors.tpl')
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label class="champ">Code reçu
    <input name="code" inputmode="numeric" autocomplete="one-time-code" placeholder="000000"></label>
  <div class="actions"><input type="submit" value="Valider"></div>
</form>
<form method="post" action="/activation/etape-3/changer">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <p>Code non reçu ? <input type="submit" value="Choisir un autre moyen de réception"></p>
</form>
% end
