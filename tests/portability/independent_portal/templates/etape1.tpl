% rebase('base.tpl', title="Étape 1 : Code d'activation")
% include('progress.tpl', current=1)
<h1>Étape 1 : Code d'activation</h1>
<p>ETAPE 1: Munissez-vous de votre matricule et de votre code d'activation qui se trouve sur le courrier envoyé par
l'Agence eSanté.</p>
<form method="post" action="/activation/etape-1/matricule">
  % include('errors.tpl', errors=matricule_errors)
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <p>Avez-vous un numéro matricule ?</p>
  <label class="champ">{{matricule_label}} *
    <input name="matricule" inputmode="numeric" autocomplete="off" value="{{matricule}}"></label>
  <input type="submit" value="Valider">
</form>
% if matricule_accepted:
<form method="post" action="/activation/etape-1/code">
  % include('errors.tpl', errors=code_errors)
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div role="radiogroup" aria-labelledby="question-code">
    <p id="question-code">Avez-vous reçu votre code d'activation ?</p>
    <label><input type="radio" name="recu" value="oui" data-reveal{{!' checked' if answer == 'oui' else ''}}>
      Oui</label>
    <label><input type="radio" name="recu" value="non" data-reveal data-leave-to> Non</label>
  </div>
  <div data-when="recu" data-value="oui">
    <div class="champ">
      <span id="libelle-code">Code d'activation</span>
      <input name="code" aria-labelledby="libelle-code" autocomplete="off" value="">
    </div>
    <div class="actions"><input type="submit" value="Etape suivante"></div>
  </div>
</form>
% end
