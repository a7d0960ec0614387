% rebase('wizard.tpl', title="Étape 3 — Informations personnelles", current=3, step_names=step_names)
<p class="step-intro">ETAPE 3: Vérifiez les données indiquées et cliquez sur « Étape suivante ».</p>
<dl class="register" aria-label="Vos informations personnelles">
  <dt>Nom</dt><dd>{{person.last_name}}</dd>
  <dt>Prénom</dt><dd>{{person.first_name}}</dd>
  <dt>Matricule</dt><dd>{{person.matricule}}</dd>
  % if practice:
  <dt>Profession</dt><dd>{{practice.profession}}</dd>
  <dt>Lieu d'exercice</dt><dd>{{practice.practice_name}}</dd>
  <dt>Adresse professionnelle</dt><dd>{{practice.practice_street}}, {{practice.practice_postcode}} {{practice.practice_locality}}</dd>
  % end
</dl>
<section class="notice" aria-labelledby="helpdesk-title">
  <h2 id="helpdesk-title">En cas d'erreur contactez le Helpdesk :</h2>
  <ul>
    <li>Tél. : {{helpdesk['phone']}}</li>
    <li>E-mail : <a href="mailto:{{helpdesk['email']}}">{{helpdesk['email']}}</a></li>
    <li>Rendez-vous pris en ligne via <a href="/ehelpdesk">eHelpdesk</a>, notre guichet virtuel</li>
  </ul>
</section>
<form method="post" action="{{start}}/etape-3">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <div class="actions">
    <a class="button" href="{{start}}/etape-2">Étape précédente</a>
    <button type="submit" class="button button-primary">Étape suivante</button>
  </div>
</form>
