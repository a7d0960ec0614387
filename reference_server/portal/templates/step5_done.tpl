% rebase('wizard.tpl', title="Étape 5 — Confirmation", current=5, step_names=step_names)
<section class="done" aria-labelledby="done-title">
  <h2 id="done-title">Votre activation est terminée!</h2>
  <p>Vous pouvez vous connecter à votre DSP en cliquant sur « Connectez-vous ».</p>
  <p><a class="button button-primary" href="/patient">Connectez-vous</a></p>
</section>
