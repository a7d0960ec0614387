% # A table of documents; each title downloads its document.
% # On a phone each row becomes a block (portal.css): the roles keep it a table for screen
% # readers, which drop a table's semantics once its display changes, and each cell's data-label
% # repeats its column's name beside it.
<table class="data" role="table" aria-labelledby="{{labelledby}}">
  <thead role="rowgroup">
    <tr role="row">
      <th scope="col" role="columnheader">Date</th>
      <th scope="col" role="columnheader">Titre</th>
      % if show_kind:
      <th scope="col" role="columnheader">Type</th>
      % end
      <th scope="col" role="columnheader">Auteur</th>
    </tr>
  </thead>
  <tbody role="rowgroup">
    % for document in documents:
    <tr role="row">
      <td role="cell" data-label="Date"><time datetime="{{document.date.isoformat()}}">{{document.date.strftime('%d/%m/%Y')}}</time></td>
      <td role="cell" data-label="Titre"><a href="{{base}}/documents/{{document.id}}" download>{{document.title}}</a></td>
      % if show_kind:
      <td role="cell" data-label="Type">{{document.kind}}</td>
      % end
      <td role="cell" data-label="Auteur">{{document.author}}</td>
    </tr>
    % end
    % if not documents:
    <tr role="row"><td role="cell" class="empty" colspan="{{4 if show_kind else 3}}">Aucune donnée disponible dans le tableau</td></tr>
    % end
  </tbody>
</table>
