% rebase('base.tpl', title="Conditions Générales d'Utilisation")
<div class="colonnes">
  <aside aria-labelledby="titre-aside">
    <h1 id="titre-aside">ACTIVATION DE MON COMPTE eSANTÉ</h1>
    <p>Activez votre compte en quelques clics pour accéder aux services eSanté, notamment à votre DSP</p>
    <h2>PRÉ-REQUIS</h2>
    <p>Avant de commencer, réunissez les éléments suivants :</p>
    <ul>
      <li>Courrier envoyé par l'Agence eSanté contenant votre code d'activation</li>
      <li>Votre numéro de matricule (à 11 ou 13 chiffres)</li>
      <li>Votre adresse email personnelle ou votre numéro de téléphone portable</li>
      <li><strong>OPTIONNEL :</strong> Un dispositif LuxTrust dûment activé (Token, Smartcard ou carte d'identité
        électronique)</li>
    </ul>
    <h3>Vous ne retrouvez plus votre courrier d'activation?</h3>
    <p>Contactez notre helpdesk au (+352) 27 12 50 18 33 ou par mail
      (<a href="mailto:helpdesk@esante.lu">helpdesk@esante.lu</a>).</p>
    <h3>Des difficultés pour activer votre compte eSanté ?</h3>
    <p>Consultez le <a href="/aide/guide-en-ligne">guide en ligne</a>, ou contactez notre helpdesk au
      (+352) 27 12 50 18 33, ou par mail (<a href="mailto:helpdesk@esante.lu">helpdesk@esante.lu</a>).</p>
  </aside>
  <section aria-labelledby="titre-cgu">
    <p>PLATEFORME eSANTÉ</p>
    <h2 id="titre-cgu">CONDITIONS GÉNÉRALES D'UTILISATION</h2>
    <p><a href="/activation/cgu.pdf" target="_blank">Téléchargeables en PDF en cliquant ici</a></p>
    <div class="cgu-texte" tabindex="0" aria-label="Texte des conditions générales d'utilisation">
      <h3>{{cgu_title}}</h3>
      % for heading, text in articles:
      <h4>{{heading}}</h4>
      <p>{{text}}</p>
      % end
    </div>
    <form method="post" action="/activation/cgu">
      % include('errors.tpl')
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <p><label><input type="checkbox" name="accepte" value="oui">
        En cochant cette case, j'accepte les Conditions Générales d'Utilisation.</label></p>
      <p><input type="submit" value="Activer mon compte"></p>
    </form>
  </section>
</div>
