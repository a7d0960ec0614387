<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  % # A page that refuses a form says so in its title first, as the error pages do (WCAG 3.3.1).
  <title>{{'Erreur : ' if get('errors') else ''}}{{title}} — MyGuichet.lu</title>
  <link rel="stylesheet" href="/static/myguichet.css">
  <script src="/static/myguichet.js" defer></script>
</head>
<body>
  <a class="skip" href="#contenu">Aller au contenu</a>
  <header class="mg-header">
    <div class="mg-bar">
      <a class="mg-brand" href="/">MyGuichet.lu</a>
      <div class="mg-tools">
        <span class="mg-space">Espace privé</span>
        <ul class="mg-languages" aria-label="Langue">
          <li><span lang="fr" aria-current="true">FR</span></li>
          <li><span lang="de" title="Cette langue ne fait pas partie de cette simulation.">DE</span></li>
          <li><span lang="en" title="Cette langue ne fait pas partie de cette simulation.">EN</span></li>
        </ul>
        % if citizen:
        <span class="mg-citizen">{{citizen.full_name}}</span>
        <form method="post" action="/deconnexion">
          <input type="hidden" name="csrf_token" value="{{csrf_token}}">
          <button type="submit" class="mg-link-button">Se déconnecter</button>
        </form>
        % end
      </div>
    </div>
    % if citizen:
    <nav class="mg-nav" aria-label="Espace privé">
      <ul>
        % for href, label in navigation:
        <li><a href="{{href}}"{{!' aria-current="page"' if label == section else ''}}>{{label}}</a></li>
        % end
      </ul>
    </nav>
    % end
  </header>
  % if breadcrumb:
  <nav class="mg-breadcrumb" aria-label="Fil d'Ariane">
    <ol>
      % for index, (href, label) in enumerate(breadcrumb):
      <li>
        % if index:
        <span class="mg-separator" aria-hidden="true">&gt;</span>
        % end
        % if href:
        <a href="{{href}}">{{label}}</a>
        % else:
        <span aria-current="page">{{label}}</span>
        % end
      </li>
      % end
    </ol>
  </nav>
  % end
  <main id="contenu" class="mg-main">
    % for message in flashes:
    <p class="mg-notice" role="status">{{message}}</p>
    % end
    {{!base}}
  </main>
  <footer class="mg-footer">
    <p>MyGuichet.lu — simulation pour les tests de conformité du portail eSanté.</p>
  </footer>
</body>
</html>
