% # « Assistants » (pp. 19–20): « Ajouter » opens an empty row; « Nom » opens the search.
<section class="dsp-card" id="assistants" aria-labelledby="assistants-title">
  <h2 id="assistants-title">Assistants</h2>
  % include('errors.tpl', errors=assistant_errors)
% # On a phone its rows stack: see dsp_documents_table.tpl for the roles and data-labels.
  <table class="data" role="table" aria-labelledby="assistants-title">
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">Nom</th>
        <th scope="col" role="columnheader">Type</th>
        <th scope="col" role="columnheader">Rôle</th>
        <th scope="col" role="columnheader"><span class="visually-hidden">Actions</span></th>
      </tr>
    </thead>
    <tbody role="rowgroup">
      % for assistant in assistants:
      <tr role="row">
        <td role="cell" data-label="Nom">{{assistant.holder.full_name}}</td>
        <td role="cell" data-label="Type">{{assistant.type}}</td>
        <td role="cell" data-label="Rôle">{{assistant.role}}</td>
        <td role="cell" class="row-actions">
          <form method="post" action="{{base}}/assistants/supprimer" class="inline">
            <input type="hidden" name="csrf_token" value="{{csrf_token}}">
            <input type="hidden" name="assistant" value="{{assistant.id}}">
            <button type="submit" class="button button-small" aria-label="Supprimer {{assistant.holder.full_name}}">Supprimer</button>
          </form>
        </td>
      </tr>
      % end
      % if row:
      <tr role="row" class="new-row">
        <td role="cell" data-label="Nom">
          % if row.chosen:
          <a href="{{base}}/assistants/recherche#assistants" title="Choisir une autre personne">{{row.chosen.full_name}} ({{row.chosen.matricule}})</a>
          <input type="hidden" name="matricule" value="{{row.chosen.matricule}}" form="new-assistant">
          % else:
          <a class="pick" href="{{base}}/assistants/recherche#assistants">Nom</a>
          % end
        </td>
        <td role="cell" data-label="Type">
          <label class="visually-hidden" for="assistant-type">Type</label>
          <select id="assistant-type" name="type" form="new-assistant">
            <option value="{{assistant_type}}" selected>{{assistant_type}}</option>
          </select>
        </td>
        <td role="cell" data-label="Rôle">
          <label class="visually-hidden" for="assistant-role">Rôle</label>
          <input id="assistant-role" name="role" value="{{row.role}}" maxlength="100" autocomplete="off" form="new-assistant">
        </td>
        <td role="cell" class="row-actions">
          <button type="submit" class="button button-small button-primary" form="new-assistant" title="Enregistrer l'assistant">✓</button>
          <a class="button button-small" href="{{base}}">Annuler</a>
        </td>
      </tr>
      % elif not assistants:
      <tr role="row"><td role="cell" class="empty" colspan="4">Aucune donnée disponible dans le tableau</td></tr>
      % end
    </tbody>
  </table>
  % if row:
  <form id="new-assistant" method="post" action="{{base}}/assistants">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  </form>
  % if row.searching:
  <div class="assistant-search">
    <h3>Rechercher une personne</h3>
    <form method="post" action="{{base}}/assistants/recherche" novalidate class="inline-field">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      % include('field.tpl', name='numero_assure', label='Numéro assuré', value=row.number, inputmode='numeric', errors=assistant_errors)
      <button type="submit" class="button">Rechercher</button>
    </form>
    % if row.found:
    <form method="post" action="{{base}}/assistants/choisir">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      <ul class="search-results">
        <li><button type="submit" name="matricule" value="{{row.found.matricule}}" class="link-button">{{row.found.full_name}} ({{row.found.matricule}})</button></li>
      </ul>
    </form>
    % end
  </div>
  % end
  % else:
  <p class="card-actions"><a class="button" href="{{base}}/assistants/ajouter#assistants">Ajouter</a></p>
  % end
</section>
