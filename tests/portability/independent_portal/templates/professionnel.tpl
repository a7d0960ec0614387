% rebase('base.tpl', title='Professionnel de santé')
<h1>Espace professionnel de santé</h1>
<p>Cet espace n'est pas disponible sur ce portail. Pour toute question, contactez le helpdesk au
(+352) 27 12 50 18 33.</p>
