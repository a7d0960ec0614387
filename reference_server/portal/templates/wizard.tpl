% rebase('layout.tpl', title=title)
<div class="wizard">
  <h1>Activation de mon compte eSanté</h1>
  % include('progress.tpl', step_names=step_names, current=current)
  {{!base}}
</div>
