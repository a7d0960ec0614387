% rebase('layout.tpl', title="Demande de code d'activation envoyée")
<h1>Demande de code d'activation</h1>
<p role="status" class="notice">Votre demande a bien été enregistrée.</p>
<p>Un nouveau courrier contenant votre code d'activation vous sera envoyé par voie postale à l'adresse indiquée. Pour toute question, contactez notre helpdesk au {{helpdesk['phone']}} ou par mail ({{helpdesk['email']}}).</p>
<p><a class="button" href="/patient">Retour à l'espace patient</a></p>
