% rebase('layout.tpl', title='Dossier de Soins Partagé — ' + record.owner.full_name)
% include('dsp_header.tpl')
<div class="dsp-grid">
  <div class="dsp-column">
    <section class="dsp-card" aria-labelledby="latest-title">
      <h2 id="latest-title">Mes derniers documents</h2>
      % include('dsp_documents_table.tpl', documents=latest, labelledby='latest-title', show_kind=False)
      <p class="card-actions"><a href="{{base}}/documents">Voir tous les documents</a></p>
    </section>
    % include('dsp_assistants.tpl')
  </div>
  <div class="dsp-column">
    % include('dsp_upload.tpl')
    <section class="dsp-card" aria-labelledby="circle-title">
      <h2 id="circle-title">Cercle Médical de Confiance</h2>
% # On a phone its rows stack: see dsp_documents_table.tpl for the roles and data-labels.
      <table class="data" role="table" aria-labelledby="circle-title">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Nom</th>
            <th scope="col" role="columnheader">Type</th>
            <th scope="col" role="columnheader">Rôle</th>
            <th scope="col" role="columnheader">Contact</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          % for professional in circle:
          <tr role="row">
            <td role="cell" data-label="Nom">{{professional.name}}</td>
            <td role="cell" data-label="Type">{{professional.type}}</td>
            <td role="cell" data-label="Rôle">{{professional.role}}</td>
            <td role="cell" data-label="Contact"><a href="tel:{{professional.contact.replace(' ', '')}}">{{professional.contact}}</a></td>
          </tr>
          % end
          % if not circle:
          <tr role="row"><td role="cell" class="empty" colspan="4">Aucune donnée disponible dans le tableau</td></tr>
          % end
        </tbody>
      </table>
      <p class="card-actions"><a class="button" href="{{base}}/cercle-de-confiance">Plus de détails</a></p>
    </section>
  </div>
</div>
