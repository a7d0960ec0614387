<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{title}} — LuxTrust</title>
  <link rel="stylesheet" href="/static/luxtrust.css">
  % if get('script'):
  <script src="/static/{{script}}" defer></script>
  % end
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
