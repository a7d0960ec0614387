% rebase('layout.tpl', title='Ligne de vie — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="timeline-title">
  <h2 id="timeline-title">Ligne de vie</h2>
  % if not years:
  <p class="empty">Aucune donnée disponible</p>
  % end
  <ol class="timeline">
    % for year, documents in years:
    <li>
      <h3>{{year}}</h3>
      <ul>
        % for document in documents:
        <li>
          <time datetime="{{document.date.isoformat()}}">{{document.date.strftime('%d/%m/%Y')}}</time>
          <a href="{{base}}/documents/{{document.id}}" download>{{document.title}}</a>
          <span class="muted">{{document.kind}} — {{document.author}}</span>
        </li>
        % end
      </ul>
    </li>
    % end
  </ol>
</section>
