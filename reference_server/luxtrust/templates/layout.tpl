<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  % # A page that refuses a form says so in its title first, as the error pages do (WCAG 3.3.1).
  <title>{{'Erreur : ' if get('errors') else ''}}{{title}} — LuxTrust</title>
  <link rel="stylesheet" href="/static/luxtrust.css">
  <script src="/static/luxtrust.js" defer></script>
</head>
<body>
  <header class="lt-header">
    <span class="lt-brand">LuxTrust</span>
  </header>
  <main id="contenu">
    % if get('client_name'):
    <p class="requester">Connexion demandée par : {{client_name}}</p>
    % end
    {{!base}}
  </main>
  <footer class="lt-footer">
    <p>LuxTrust S.A. — Support LuxTrust : (+352) 24 550 550</p>
  </footer>
</body>
</html>
