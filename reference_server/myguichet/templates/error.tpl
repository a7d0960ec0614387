% rebase("layout.tpl", title=heading)
<h1>{{heading}}</h1>
<p>{{message}}</p>
<p><a href="/">Retour à l'accueil de MyGuichet.lu</a></p>
