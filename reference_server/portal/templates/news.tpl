% rebase('layout.tpl', title='Actualités')
<h1>Actualités</h1>
<p>Les événements du calendrier et les sondages publiés sur le portail eSanté.</p>
% if publications:
<ul class="cards">
  % for item in publications:
  <li>
    <p class="muted">{{item.kind_label}} — {{item.published_at.strftime('%d/%m/%Y')}}</p>
    <h2>{{item.title}}</h2>
  </li>
  % end
</ul>
% else:
<p>Aucune publication pour le moment.</p>
% end
