% rebase("layout.tpl", title="Mes données")
<h1>Mes données</h1>
<p class="mg-lead">Sélectionnez une source authentique dans le catalogue.</p>
<p>Les données présentées dans cette section sont des données qui vous concernent et qui sont
renseignées auprès des administrations et organismes publics. Ces données pourront être utilisées
pour pré-remplir vos démarches en ligne afin de vous faciliter la saisie.</p>
<div class="mg-catalogue">
  % for group, sources in groups:
  <section class="mg-group" aria-labelledby="groupe-{{sources[0].slug}}">
    <h2 id="groupe-{{sources[0].slug}}">{{group}}</h2>
    <ul>
      % for source in sources:
      <li><a href="/mes-donnees/{{source.slug}}">{{source.name}}</a></li>
      % end
    </ul>
  </section>
  % end
</div>
