% # The two tabs of « Gérer mon compte », as links: each tab is its own page.
<h1>Gérer mon compte</h1>
<nav class="tabs" aria-label="Gérer mon compte">
  <a href="/mon-compte/informations-personnelles"{{!' aria-current="page"' if tab == 'personal' else ''}}>Informations personnelles</a>
  <a href="/mon-compte/moyens-d-authentification"{{!' aria-current="page"' if tab == 'means' else ''}}>Moyens d'authentification</a>
</nav>
