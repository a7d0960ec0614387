% rebase('layout.tpl', title='Traçabilité — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="trace-title">
  <h2 id="trace-title">Traçabilité</h2>
  <p class="muted">Chaque accès à ce dossier et chaque action qui y est faite, du plus récent au plus ancien.</p>
  <table class="data" aria-labelledby="trace-title">
    <thead>
      <tr>
        <th scope="col">Date</th>
        <th scope="col">Qui</th>
        <th scope="col">Action</th>
      </tr>
    </thead>
    <tbody>
      % for entry in entries:
      <tr>
        <td><time datetime="{{entry.at.isoformat(timespec='seconds')}}">{{entry.at.strftime('%d/%m/%Y %H:%M:%S')}}</time></td>
        <td>{{entry.who}}</td>
        <td>{{entry.action}}</td>
      </tr>
      % end
      % if not entries:
      <tr><td class="empty" colspan="3">Aucune donnée disponible dans le tableau</td></tr>
      % end
    </tbody>
  </table>
</section>
