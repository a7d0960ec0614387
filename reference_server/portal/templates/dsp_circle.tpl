% rebase('layout.tpl', title='Cercle Médical de Confiance — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="circle-title">
  <h2 id="circle-title">Cercle Médical de Confiance</h2>
  <p class="muted">Les professionnels de santé qui suivent ce patient.</p>
% # On a phone its rows stack: see dsp_documents_table.tpl for the roles and data-labels.
  <table class="data" role="table" aria-labelledby="circle-title">
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">Nom</th>
        <th scope="col" role="columnheader">Type</th>
        <th scope="col" role="columnheader">Rôle</th>
        <th scope="col" role="columnheader">Contact</th>
        <th scope="col" role="columnheader">E-mail</th>
        <th scope="col" role="columnheader">Cabinet</th>
        <th scope="col" role="columnheader">Depuis le</th>
      </tr>
    </thead>
    <tbody role="rowgroup">
      % for professional in circle:
      <tr role="row">
        <td role="cell" data-label="Nom">{{professional.name}}</td>
        <td role="cell" data-label="Type">{{professional.type}}</td>
        <td role="cell" data-label="Rôle">{{professional.role}}</td>
        <td role="cell" data-label="Contact"><a href="tel:{{professional.contact.replace(' ', '')}}">{{professional.contact}}</a></td>
        <td role="cell" data-label="E-mail"><a href="mailto:{{professional.email}}">{{professional.email}}</a></td>
        <td role="cell" data-label="Cabinet">{{professional.practice}}</td>
        <td role="cell" data-label="Depuis le">{{professional.since.strftime('%d/%m/%Y')}}</td>
      </tr>
      % end
      % if not circle:
      <tr role="row"><td role="cell" class="empty" colspan="7">Aucune donnée disponible dans le tableau</td></tr>
      % end
    </tbody>
  </table>
  <p class="card-actions"><a href="{{base}}">Retour à la synthèse</a></p>
</section>
