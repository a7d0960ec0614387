% rebase('layout.tpl', title='Traçabilité — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="trace-title">
  <h2 id="trace-title">Traçabilité</h2>
  <p class="muted">Chaque accès à ce dossier et chaque action qui y est faite, du plus récent au plus ancien.</p>
% # On a phone its rows stack: see dsp_documents_table.tpl for the roles and data-labels.
  <table class="data" role="table" aria-labelledby="trace-title">
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">Date</th>
        <th scope="col" role="columnheader">Qui</th>
        <th scope="col" role="columnheader">Action</th>
      </tr>
    </thead>
    <tbody role="rowgroup">
      % for entry in entries:
      <tr role="row">
        <td role="cell" data-label="Date"><time datetime="{{entry.at.isoformat(timespec='seconds')}}">{{entry.at.strftime('%d/%m/%Y %H:%M:%S')}}</time></td>
        <td role="cell" data-label="Qui">{{entry.who}}</td>
        <td role="cell" data-label="Action">{{entry.action}}</td>
      </tr>
      % end
      % if not entries:
      <tr role="row"><td role="cell" class="empty" colspan="3">Aucune donnée disponible dans le tableau</td></tr>
      % end
    </tbody>
  </table>
</section>
