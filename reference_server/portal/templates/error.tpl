% # The title says « Erreur » first, and portal.js moves the focus to the message (WCAG 3.3.1, 4.1.3).
% rebase('layout.tpl', title='Erreur : ' + heading)
<h1>{{heading}}</h1>
<div class="error-summary error-page" role="alert">
  <p>{{message}}</p>
</div>
<p><a href="/">Retour à l'accueil</a></p>
