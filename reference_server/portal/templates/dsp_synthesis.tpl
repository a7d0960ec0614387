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
      <table class="data" aria-labelledby="circle-title">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Type</th>
            <th scope="col">Rôle</th>
            <th scope="col">Contact</th>
          </tr>
        </thead>
        <tbody>
          % for professional in circle:
          <tr>
            <td>{{professional.name}}</td>
            <td>{{professional.type}}</td>
            <td>{{professional.role}}</td>
            <td><a href="tel:{{professional.contact.replace(' ', '')}}">{{professional.contact}}</a></td>
          </tr>
          % end
          % if not circle:
          <tr><td class="empty" colspan="4">Aucune donnée disponible dans le tableau</td></tr>
          % end
        </tbody>
      </table>
      <p class="card-actions"><a class="button" href="{{base}}/cercle-de-confiance">Plus de détails</a></p>
    </section>
  </div>
</div>
