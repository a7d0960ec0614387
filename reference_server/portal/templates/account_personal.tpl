% rebase('layout.tpl', title='Gérer mon compte — Informations personnelles')
% include('account_tabs.tpl')
<dl class="register" aria-label="Vos informations personnelles">
  <dt>Nom</dt><dd>{{account.last_name}}</dd>
  <dt>Prénom</dt><dd>{{account.first_name}}</dd>
  <dt>Matricule</dt><dd>{{account.matricule}}</dd>
</dl>
<section aria-labelledby="notifications-title">
  <h2 id="notifications-title">Notifications par e-mails</h2>
  <p>Configurez vos notifications par e-mails en fonction de vos centres d'intérêts.</p>
  % if not account.email:
  <p class="notice">Aucune adresse e-mail n'est enregistrée : ajoutez-en une dans « Moyens d'authentification » pour recevoir ces notifications.</p>
  % end
  <form method="post" action="/mon-compte/informations-personnelles">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <div class="checkbox">
      <input type="checkbox" id="notify_events" name="notify_events" value="oui"{{!' checked' if account.notify_events else ''}}>
      <label for="notify_events">Lors de la création d'un événement</label>
    </div>
    <div class="checkbox">
      <input type="checkbox" id="notify_surveys" name="notify_surveys" value="oui"{{!' checked' if account.notify_surveys else ''}}>
      <label for="notify_surveys">Lors de la publication d'un nouveau sondage</label>
    </div>
    <button type="submit" class="button button-primary">Valider</button>
  </form>
</section>
