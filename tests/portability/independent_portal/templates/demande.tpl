% rebase('base.tpl', title="Demande d'un code d'activation")
<h1>Je n'ai pas de code d'activation</h1>
<p>Remplissez ce formulaire : l'Agence eSanté vous enverra par la poste un nouveau courrier contenant votre code
d'activation.</p>
<form method="post" action="/activation/demande-de-code">
  % include('errors.tpl')
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label class="champ">Nom et prénom
    <input name="nom" value="{{values.get('nom', '')}}" autocomplete="name"></label>
  <div class="champ">
    <span id="libelle-demande-matricule">Matricule (13 chiffres)</span>
    <input name="matricule" aria-labelledby="libelle-demande-matricule" inputmode="numeric"
           value="{{values.get('matricule', '')}}">
  </div>
  <label class="champ">E-mail (facultatif)
    <input name="email" type="email" value="{{values.get('email', '')}}" autocomplete="email"></label>
  <div class="champ">
    <span id="libelle-adresse">Adresse postale</span>
    <textarea name="adresse" rows="3" aria-labelledby="libelle-adresse">{{values.get('adresse', '')}}</textarea>
  </div>
  <div class="actions"><input type="submit" value="Envoyer ma demande"></div>
</form>
