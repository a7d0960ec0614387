<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  % # A page that refuses a form says so in its title first, as the error pages do (WCAG 3.3.1).
  % refused = get('errors') or get('upload_errors') or get('assistant_errors')
  <title>{{'Erreur : ' if refused else ''}}{{title}} — eSanté Luxembourg</title>
  <link rel="stylesheet" href="/static/portal.css">
  <script src="/static/portal.js" defer></script>
</head>
<body>
  <a class="skip" href="#contenu">Aller au contenu</a>
  <header class="site-header">
    <a class="brand" href="/">
      <span class="brand-name">eSanté</span> <span class="brand-country">Luxembourg</span>
      <span class="brand-tagline">Agence nationale des informations partagées dans le domaine de la santé</span>
      <span class="visually-hidden"> — accueil</span>
    </a>
    <div class="header-tools">
      <a class="helpdesk" href="tel:{{helpdesk['phone_link']}}">{{helpdesk['phone']}}</a>
      % if signed_in:
      <div class="connexion-menu" data-menu>
        <a class="button button-primary" href="/mon-compte" aria-haspopup="true" aria-expanded="false" aria-controls="account-choices" data-menu-toggle>Mon Compte</a>
        <ul id="account-choices" class="menu-popup" hidden>
          <li><a href="/mon-compte">Gérer mon compte</a></li>
          <li><a href="/mes-services">Mes services eSanté</a></li>
          <li>
            <form method="post" action="/deconnexion">
              <input type="hidden" name="csrf_token" value="{{csrf_token}}">
              <button type="submit" class="menu-button">Déconnexion</button>
            </form>
          </li>
        </ul>
      </div>
      <span class="account-name">{{signed_in}}</span>
      % else:
      <div class="connexion-menu" data-menu>
        <a class="button button-primary" href="/connexion" aria-haspopup="true" aria-expanded="false" aria-controls="connexion-choices" data-menu-toggle>Connexion</a>
        <ul id="connexion-choices" class="menu-popup" hidden>
          <li><a href="/patient">Patient</a></li>
          <li><a href="/professionnel">Professionnel</a></li>
        </ul>
      </div>
      % end
      <span class="language" lang="fr" title="Langue : français">FR</span>
      <form role="search" method="get" action="/recherche" class="search">
        <label for="site-search" class="visually-hidden">Rechercher</label>
        <input type="search" id="site-search" name="q" placeholder="Rechercher">
      </form>
    </div>
  </header>
  <nav class="main-nav" aria-label="Navigation principale">
    <ul>
      <li><a href="/patients">Patients</a></li>
      <li class="has-submenu">
        <a href="/professionnels-de-sante">Professionnels de santé</a>
        <ul class="submenu">
          <li><a href="/professionnels-de-sante">Professionnels de santé</a></li>
          <li><a href="/activation/professionnel">Activation compte eSanté</a></li>
          <li><a href="/acces-services">Accès services eSanté</a></li>
        </ul>
      </li>
      <li><a href="/editeurs">Editeurs</a></li>
      <li><a href="/infos-esante">Infos e-santé</a></li>
    </ul>
  </nav>
  <main id="contenu">
    % for message in flashes:
    <p class="notice" role="status">{{message}}</p>
    % end
    {{!base}}
  </main>
  % if signed_in:
  % # Before an idle session expires, portal.js opens this dialog; « Rester connecté » extends the
  % # session by posting its form, which renders no page and so leaves pending messages for the
  % # next one (WCAG 2.2.1). Without script it stays closed.
  % idle_seconds, warn_seconds = get('session_idle_seconds', 1800), 300
  <dialog class="session-warning" id="session-warning" aria-labelledby="session-warning-title"
          aria-describedby="session-warning-text" data-idle-seconds="{{idle_seconds}}"
          data-warn-seconds="{{warn_seconds}}">
    <div data-session-state="warning">
      <h2 id="session-warning-title">Votre session va bientôt expirer</h2>
      <p id="session-warning-text">Sans action de votre part, vous serez déconnecté dans {{warn_seconds // 60}} minutes pour protéger vos données. Voulez-vous rester connecté ?</p>
      <form method="post" action="/session/prolonger" class="actions" data-session-extend>
        <input type="hidden" name="csrf_token" value="{{csrf_token}}">
        <button type="submit" class="button button-primary">Rester connecté</button>
      </form>
    </div>
    <div data-session-state="expired" hidden>
      <h2 id="session-expired-title">Votre session a expiré</h2>
      <p id="session-expired-text">Vous avez été déconnecté après {{idle_seconds // 60}} minutes d'inactivité. Connectez-vous à nouveau pour continuer.</p>
      <div class="actions">
        <a class="button button-primary" href="/connexion">Se reconnecter</a>
      </div>
    </div>
  </dialog>
  % end
  <footer class="site-footer">
    <p><strong>Des questions ?</strong> Contactez notre helpdesk : téléphone {{helpdesk['phone']}}, e-mail <a href="mailto:{{helpdesk['email']}}">{{helpdesk['email']}}</a>, ou consultez la rubrique <a href="/aide">Besoin d'aide</a>.</p>
    <p><strong>Une assistance en ligne ?</strong> Prenez rendez-vous sur <a href="/ehelpdesk">helpdesk.esante.lu</a>.</p>
    <p>Agence eSanté Luxembourg — Agence nationale des informations partagées dans le domaine de la santé — Adresse postale : B.P. 2511, L-1025 Luxembourg — Site Internet : www.esante.lu</p>
  </footer>
</body>
</html>
