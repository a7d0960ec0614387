% rebase('layout.tpl', title='Mes services eSanté')
<h1>Mes services eSanté</h1>
<p>Bonjour {{account.first_name}} {{account.last_name}}.</p>
<ul class="cards services">
  % for service in services:
  <li>
    % if service.href:
    <h2><a href="{{service.href}}">{{service.name}}</a></h2>
    <p>{{service.description}}</p>
    % else:
    <h2>{{service.name}}</h2>
    <p>{{service.description}}</p>
    <p class="muted">Ce service n'est pas simulé par ce monde de référence.</p>
    % end
  </li>
  % end
</ul>
% if products:
<p class="muted">Produits LuxTrust associés : {{', '.join(p.label + ' ' + p.serial for p in products)}}</p>
% end
