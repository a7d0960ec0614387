% rebase('base.tpl', title='Guide en ligne')
<h1>Le guide en ligne : activer votre compte eSanté</h1>
<ol>
  <li>Cliquez sur « Connexion », puis sur « Patient », puis sur « J'active mon compte ».</li>
  <li>Acceptez les Conditions Générales d'Utilisation et cliquez sur « Activer mon compte ».</li>
  <li>Renseignez votre matricule à 13 chiffres, cliquez sur « Valider », répondez « Oui » et saisissez le code
    d'activation de votre courrier.</li>
  <li>Choisissez un mot de passe d'au moins 8 caractères, avec au moins une lettre et un chiffre.</li>
  <li>Recevez un code à usage unique par SMS ou par e-mail et saisissez-le.</li>
</ol>
<p>Une question ? Helpdesk : (+352) 27 12 50 18 33, <a href="mailto:helpdesk@esante.lu">helpdesk@esante.lu</a>.</p>
