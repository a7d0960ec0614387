% rebase('layout.tpl', title='Mes services eSanté')
<h1>Mes services eSanté</h1>
<p>Bonjour {{account.first_name}} {{account.last_name}}.</p>
<ul class="cards services">
  % for service in services:
  <li>
    <h2>{{service.name}}</h2>
    <p>{{service.description}}</p>
    % if service.href:
    <p><a class="button" href="{{service.href}}">Accéder</a></p>
    % else:
    <p class="muted">Ce service n'est pas simulé par ce monde de référence.</p>
    % end
  </li>
  % end
</ul>
% if products:
<p class="muted">Produits LuxTrust associés : {{', '.join(p.label + ' ' + p.serial for p in products)}}</p>
% end
