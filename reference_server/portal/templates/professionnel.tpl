% rebase('layout.tpl', title='Professionnel — connexion')
<h1>Espace professionnel de santé</h1>
<p>Les professionnels de santé se connectent aux services eSanté avec leur produit LuxTrust.</p>
<p>Vous n'avez pas encore de compte eSanté ? Consultez « <a href="/activation/professionnel">Activation compte eSanté</a> ».</p>
<p class="notice">La connexion LuxTrust des professionnels n'est pas encore proposée par ce monde de référence.</p>
