% rebase('base.tpl', title='Étape 5 : Confirmation')
% include('progress.tpl', current=5)
<h1>Étape 5 : Confirmation</h1>
<p><strong>Votre activation est terminée!</strong></p>
<p>Vous pouvez vous connecter à votre DSP en cliquant sur « Connectez-vous ».</p>
<div class="actions"><a class="bouton" href="/patient">Connectez-vous</a></div>
