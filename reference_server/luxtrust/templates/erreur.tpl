% # The title says « Erreur » first, and luxtrust.js moves the focus to the message.
% rebase('layout.tpl', title='Erreur : ' + heading)
<h1>{{heading}}</h1>
<div class="error-summary error-page" role="alert">
  <p>{{message}}</p>
</div>
