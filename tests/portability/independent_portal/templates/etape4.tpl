% rebase('base.tpl', title="Étape 4 : Autres moyens d'authentification")
% include('progress.tpl', current=4)
<h1>Étape 4 : Autres moyens d'authentification</h1>
<p>Si vous le souhaitez (pas obligatoire), vous pouvez associer un produit LuxTrust à votre compte.</p>
<p class="note">L'association d'un produit LuxTrust n'est pas disponible pour le moment. Vous pourrez le faire plus
tard depuis votre compte.</p>
<p>Sinon, cliquez sur « Etape suivante ».</p>
<div class="actions"><a class="bouton" href="/activation/etape-5">Etape suivante</a></div>
