% rebase('layout.tpl', title='Vue documentaire — ' + record.owner.full_name)
% include('dsp_header.tpl')
<section class="dsp-card" aria-labelledby="all-title">
  <h2 id="all-title">Tous les documents</h2>
  % include('dsp_documents_table.tpl', documents=documents, labelledby='all-title', show_kind=True)
</section>
