% # A table of documents; each title downloads its document.
<table class="data" aria-labelledby="{{labelledby}}">
  <thead>
    <tr>
      <th scope="col">Date</th>
      <th scope="col">Titre</th>
      % if show_kind:
      <th scope="col">Type</th>
      % end
      <th scope="col">Auteur</th>
    </tr>
  </thead>
  <tbody>
    % for document in documents:
    <tr>
      <td><time datetime="{{document.date.isoformat()}}">{{document.date.strftime('%d/%m/%Y')}}</time></td>
      <td><a href="{{base}}/documents/{{document.id}}" download>{{document.title}}</a></td>
      % if show_kind:
      <td>{{document.kind}}</td>
      % end
      <td>{{document.author}}</td>
    </tr>
    % end
    % if not documents:
    <tr><td class="empty" colspan="{{4 if show_kind else 3}}">Aucune donnée disponible dans le tableau</td></tr>
    % end
  </tbody>
</table>
