% rebase('layout.tpl', title="Activation de mon compte eSanté")
<div class="cgu-page">
  <aside class="prerequisites" aria-labelledby="activation-title">
    <h1 id="activation-title">Activation de mon compte eSanté</h1>
    <p>{{intro}}</p>
    <h2>Pré-requis</h2>
    <p>Avant de commencer, réunissez les éléments suivants :</p>
    <ul>
      % for item in prerequisites:
      <li>{{item}}</li>
      % end
    </ul>
    <h2>Vous ne retrouvez plus votre courrier d'activation?</h2>
    <ul>
      <li>Contactez notre helpdesk au {{helpdesk['phone']}} ou par mail ({{helpdesk['email']}}).</li>
    </ul>
    <h2>{{help_heading}}</h2>
    <ul>
      <li>Consultez le guide en ligne disponible <a href="/aide/activation-patient">ici</a></li>
      <li>ou contactez notre helpdesk au {{helpdesk['phone']}}, ou par mail ({{helpdesk['email']}}).</li>
    </ul>
  </aside>
  <section class="cgu" aria-labelledby="cgu-title">
    <p class="platform">Plateforme eSanté</p>
    <h2 id="cgu-title">Conditions Générales d'Utilisation</h2>
    <p><a href="/activation/cgu.pdf" download>Téléchargeables en PDF en cliquant ici</a></p>
    <div class="cgu-text" tabindex="0" role="region" aria-label="Texte des Conditions Générales d'Utilisation">
      % for article in articles:
      <h3>{{article[0]}}</h3>
      % for paragraph in article[1]:
      <p>{{paragraph}}</p>
      % end
      % end
    </div>
    <form method="post" action="{{action}}">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      % include('errors.tpl')
      <div class="checkbox">
        <input type="checkbox" id="cgu_accepted" name="cgu_accepted" value="oui"{{!' aria-invalid="true" aria-describedby="cgu_accepted-error"' if errors.get('cgu_accepted') else ''}}>
        <label for="cgu_accepted">En cochant cette case, j'accepte les Conditions Générales d'Utilisation.</label>
      </div>
      % include('choice_error.tpl', name='cgu_accepted')
      <button type="submit" class="button button-primary">Activer mon compte</button>
    </form>
  </section>
</div>
