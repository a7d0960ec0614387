% # The record's owner, the assistant's notice, and the tabs: each tab is its own page.
<div class="dsp-header">
  <h1>{{record.owner.full_name}}</h1>
  <p class="dsp-identity"><span class="dsp-age">{{age}}</span> <span>né(e) le {{born}}</span></p>
</div>
% if as_assistant:
<p class="notice" role="note">Vous consultez le dossier de {{record.owner.full_name}} en tant qu'assistant DSP. <a href="/dsp">Retour à mon dossier</a></p>
% end
<nav class="tabs dsp-tabs" aria-label="Dossier de Soins Partagé">
  % for key, label, suffix in tabs:
  <a href="{{base}}{{suffix}}"{{!' aria-current="page"' if key == tab else ''}}>{{label}}</a>
  % end
  <a class="dsp-others" href="/dsp/autres-dossiers" title="Accéder aux autres dossiers patient" aria-label="Accéder aux autres dossiers patient">
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.4" fill="currentColor"/>
      <path d="M2.5 19.5c0-3.5 2.9-5.9 6.5-5.9s6.5 2.4 6.5 5.9z" fill="currentColor"/>
      <circle cx="17.2" cy="9" r="2.7" fill="currentColor" opacity=".65"/>
      <path d="M16.4 13.9c3.1.2 5.1 2.4 5.1 5.6h-4.3c0-2.3-.3-4.1-.8-5.6z" fill="currentColor" opacity=".65"/>
    </svg>
  </a>
</nav>
