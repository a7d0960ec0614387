% rebase('base.tpl', title='Demande enregistrée')
<h1>Votre demande est enregistrée</h1>
<p>Un nouveau courrier contenant votre code d'activation vous sera envoyé à l'adresse postale indiquée.</p>
<p><a href="/patient">Retour à l'espace patient</a></p>
