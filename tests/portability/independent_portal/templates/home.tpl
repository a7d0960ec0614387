% rebase('base.tpl', title='Accueil')
<h1>Bienvenue sur le portail eSanté</h1>
<p>L'Agence eSanté met à votre disposition des services en ligne sécurisés, notamment votre Dossier de Soins
Partagé (DSP).</p>
<p>Pour activer votre compte eSanté ou vous connecter, utilisez le lien « Connexion » en haut de la page.</p>
