% rebase('layout.tpl', title=heading)
<h1>{{heading}}</h1>
<p role="alert">{{message}}</p>
<p><a href="/">Retour à l'accueil</a></p>
