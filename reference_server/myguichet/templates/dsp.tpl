% rebase("layout.tpl", title="Dossier de Soins Partagé (DSP)")
% # A box left unticked is the field in error; other problems (service down, no contact) are not.
% from reference_server.myguichet.dsp import CGU_MISSING, CONSENT_MISSING
% unticked = CONSENT_MISSING in errors or CGU_MISSING in errors
<h1>Dossier de Soins Partagé (DSP)</h1>
<p>Le Dossier de Soins Partagé (DSP) regroupe les données médicales et autres informations
concernant le patient, utiles et pertinentes afin de favoriser la sécurité, la continuité des
soins, la coordination des soins, ainsi qu'une utilisation efficiente des services de soins de
santé.</p>
% if errors:
<div class="mg-errors" id="mg-errors" role="alert">
  % for message in errors:
  <p>{{message}}</p>
  % end
</div>
% end
% if step == "consent":
<section class="mg-card" aria-labelledby="procedure">
  <h2 id="procedure">Procédure d'accès aux services eSanté</h2>
  % if revoked_at:
  <p class="mg-notice-inline">Vous avez révoqué votre consentement le {{revoked_at}} : MyGuichet.lu
  ne partage plus votre identifiant national avec l'Agence eSanté. Votre compte eSanté reste
  accessible sur www.esante.lu.</p>
  % end
  <h3>Consentement</h3>
  <p>L'accès aux services eSanté nécessite de disposer d'un compte eSanté. Dans ce cadre, le
  partage de mon numéro d'identification national entre l'Agence eSanté et MyGuichet.lu est
  nécessaire.</p>
  <p>Si vous ne disposez pas encore de compte eSanté, celui-ci pourra être activé comme méthode
  alternative au courrier postal envoyé par l'Agence eSanté.</p>
  <form method="post" action="{{base}}/consentement">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <div class="mg-check">
      <input type="checkbox" id="consentement" name="consentement" value="oui" aria-describedby="consentement-aide{{' mg-errors' if unticked else ''}}"{{!' aria-invalid="true"' if unticked else ''}}>
      <label for="consentement">Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté.</label>
    </div>
    <p id="consentement-aide" class="mg-hint">Ce consentement est révocable à tout moment dans l'onglet Paramètres.</p>
    <button type="submit" class="mg-button">Valider</button>
  </form>
</section>
% elif step == "cgu":
<section class="mg-card" aria-labelledby="cgu">
  <h2 id="cgu">Conditions Générales d'Utilisation (CGU)</h2>
  <p>Afin d'activer votre Dossier de Soins Partagé depuis MyGuichet.lu ou depuis le site
  www.esante.lu, vous devez accepter les
  <a href="{{cgu_url}}">conditions générales d'utilisation (CGU)</a> du DSP. Suite à votre
  acceptation, votre compte sera activé et l'accès à votre DSP pourra ensuite s'effectuer depuis
  MyGuichet.lu, depuis www.esante.lu ou via l'app mobile MyDSP.</p>
  <form method="post" action="{{base}}/cgu">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <div class="mg-check">
      <input type="checkbox" id="cgu-acceptation" name="cgu" value="oui"{{!' aria-invalid="true" aria-describedby="mg-errors"' if unticked else ''}}>
      <label for="cgu-acceptation">En cochant cette case, je reconnais avoir lu et accepté les Conditions Générales d'Utilisation de la Plateforme eSanté et du DSP. Je consens à l'activation de mon compte sur la plateforme eSanté et à l'accès à mon Dossier de Soins Partagé (DSP). Mon adresse email et mon numéro de téléphone MyGuichet.lu seront utilisés pour renseigner mon profil eSanté.</label>
    </div>
    <button type="submit" class="mg-button">Valider</button>
  </form>
</section>
% elif step == "active":
<section class="mg-card mg-success" aria-labelledby="statut">
  % if outcome == "activated":
  <h2 id="statut">Votre compte eSanté est activé! Vous pouvez maintenant accéder à votre DSP</h2>
  % elif outcome == "already_active":
  <h2 id="statut">Votre compte eSanté est déjà actif</h2>
  <p>Vous disposiez déjà d'un compte eSanté : il n'a pas été modifié. Vous pouvez accéder à votre DSP.</p>
  % else:
  <h2 id="statut">Votre compte eSanté est actif</h2>
  <p>Vous pouvez accéder à votre DSP depuis MyGuichet.lu, depuis www.esante.lu ou via l'app mobile MyDSP.</p>
  % end
  <form method="post" action="{{base}}/acces">
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    <button type="submit" class="mg-button">Accéder à mon DSP</button>
  </form>
</section>
% end
