% rebase('layout.tpl', title='Accueil')
<section class="banner">
  <div>
    <h1>Portail e-santé</h1>
    <p class="lead">Votre porte d'accès aux services et infos e-santé</p>
  </div>
  <div class="banner-call">
    <h2>Activez votre compte eSanté et accédez à plusieurs services de santé en ligne!</h2>
    <p>Ce compte vous donne accès au DSP (Dossier de Soins Partagé), au remboursement accéléré des mémoires d'honoraires et bientôt au carnet de vaccination électronique et à la prescription digitale.</p>
    <p><a class="button button-primary" href="/patient">J'active mon compte</a></p>
  </div>
</section>
<section aria-labelledby="actualites">
  <h2 id="actualites">Actualités</h2>
  <ul class="cards">
    <li><h3>Le DSP, votre dossier de soins partagé</h3><p>Retrouvez vos documents médicaux et partagez-les avec les professionnels de santé de votre choix.</p></li>
    <li><h3>Activez votre compte via MyGuichet</h3><p>Les patients disposant d'un produit LuxTrust peuvent activer leur compte depuis leur espace privé MyGuichet.lu.</p></li>
    <li><h3><a href="/actualites">Événements et sondages</a></h3><p>Le calendrier des événements et les sondages du portail.</p></li>
    <li><h3>Une question ?</h3><p>Notre helpdesk vous répond au {{helpdesk['phone']}} ou par e-mail à {{helpdesk['email']}}.</p></li>
  </ul>
</section>
