<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Passerelle SMS et e-mail — messages envoyés</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2b36; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d5dde3; vertical-align: top; }
    th { background: #eef3f6; }
    pre { white-space: pre-wrap; margin: 0; font-family: inherit; }
    form { margin-bottom: 1rem; }
  </style>
</head>
<body>
  <h1>Passerelle SMS et e-mail</h1>
  <p>Chaque SMS et chaque e-mail envoyé par le portail eSanté est conservé ici, le plus récent en premier.</p>
  <form method="get" action="">
    <label for="to">Destinataire (numéro ou adresse)</label>
    <input id="to" name="to" value="{{to}}">
    <button type="submit">Filtrer</button>
  </form>
  % if not messages:
  <p>Aucun message.</p>
  % else:
  <table>
    <thead><tr><th scope="col">Envoyé le (UTC)</th><th scope="col">Canal</th><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">Message</th></tr></thead>
    <tbody>
    % for m in messages:
      <tr>
        <td>{{m.sent_at}}</td>
        <td>{{"SMS" if m.channel == "sms" else "E-mail"}}</td>
        <td>{{m.to}}</td>
        <td>{{m.subject}}</td>
        <td><pre>{{m.body}}</pre></td>
      </tr>
    % end
    </tbody>
  </table>
  % end
</body>
</html>
