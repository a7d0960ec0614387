% rebase('wizard.tpl', title="Étape 5 — Confirmation", current=5, step_names=step_names)
<section class="done" aria-labelledby="done-title">
  <h2 id="done-title">Votre activation est terminée!</h2>
  <p>{{message}}</p>
  <p><a class="button button-primary" href="{{sign_in}}">Connectez-vous</a></p>
</section>
