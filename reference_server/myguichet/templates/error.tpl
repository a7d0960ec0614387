% # The title says « Erreur » first, and myguichet.js moves the focus to the message.
% rebase("layout.tpl", title="Erreur : " + heading)
<h1>{{heading}}</h1>
<div class="mg-errors" role="alert">
  <p>{{message}}</p>
</div>
<p><a href="/">Retour à l'accueil de MyGuichet.lu</a></p>
