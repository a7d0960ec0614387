% rebase('layout.tpl', title='LuxTrust Mobile')
<div class="phone">
  <h1>LuxTrust Mobile</h1>
  <p class="device">Appareil n° {{serial}}</p>
  % if result:
  <p class="notice" role="status">{{result}}</p>
  % end
  % if pending:
  <h2>Demande de connexion</h2>
  <p>Connexion demandée par : {{pending_client}}</p>
  <p>Demande reçue le {{requested_at}}</p>
  <form method="post" action="/telephone/{{serial}}">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <input type="hidden" name="demande" value="{{request_id}}">
    <div class="actions">
      <button type="submit" name="action" value="approuver" class="button button-primary">Approuver</button>
      <button type="submit" name="action" value="refuser" class="button">Refuser</button>
    </div>
  </form>
  % else:
  <p>Aucune demande en attente.</p>
  % end
</div>
