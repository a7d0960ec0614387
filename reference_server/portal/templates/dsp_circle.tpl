% rebase('layout.tpl', title='Cercle Médical de Confiance — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="circle-title">
  <h2 id="circle-title">Cercle Médical de Confiance</h2>
  <p class="muted">Les professionnels de santé qui suivent ce patient.</p>
  <table class="data" aria-labelledby="circle-title">
    <thead>
      <tr>
        <th scope="col">Nom</th>
        <th scope="col">Type</th>
        <th scope="col">Rôle</th>
        <th scope="col">Contact</th>
        <th scope="col">E-mail</th>
        <th scope="col">Cabinet</th>
        <th scope="col">Depuis le</th>
      </tr>
    </thead>
    <tbody>
      % for professional in circle:
      <tr>
        <td>{{professional.name}}</td>
        <td>{{professional.type}}</td>
        <td>{{professional.role}}</td>
        <td><a href="tel:{{professional.contact.replace(' ', '')}}">{{professional.contact}}</a></td>
        <td><a href="mailto:{{professional.email}}">{{professional.email}}</a></td>
        <td>{{professional.practice}}</td>
        <td>{{professional.since.strftime('%d/%m/%Y')}}</td>
      </tr>
      % end
      % if not circle:
      <tr><td class="empty" colspan="7">Aucune donnée disponible dans le tableau</td></tr>
      % end
    </tbody>
  </table>
  <p class="card-actions"><a href="{{base}}">Retour à la synthèse</a></p>
</section>
