% rebase("layout.tpl", title=source.name)
<h1>{{source.name}}</h1>
<p>Cette source authentique ne fait pas partie de cette simulation : seul le
« Dossier de soins partagé (DSP) » y est disponible.</p>
<p><a href="/mes-donnees">Retour au catalogue « Mes données »</a></p>
