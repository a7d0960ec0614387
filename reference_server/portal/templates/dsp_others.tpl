% rebase('layout.tpl', title='Accéder aux autres dossiers patient')
<h1>Autres dossiers patient</h1>
<p>Les dossiers dont vous êtes assistant DSP. Cliquez sur un nom pour ouvrir son dossier.</p>
% if records:
<ul class="record-list">
  % for other in records:
  <li><a href="/dsp/{{other.id}}">{{other.owner.full_name}}</a> <span class="muted">né(e) le {{other.owner.birth_date.strftime('%d/%m/%Y')}}</span></li>
  % end
</ul>
% else:
<p class="empty">Aucun autre dossier</p>
% end
<p><a class="button" href="/dsp">Retour à mon dossier</a></p>
