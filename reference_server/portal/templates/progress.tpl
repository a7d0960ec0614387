% # The wizard's progress bar; the current step carries aria-current="step".
<ol class="progress" aria-label="Étapes de l'activation">
  % for number, name in enumerate(step_names, start=1):
  <li class="{{'done' if number < current else ('current' if number == current else 'todo')}}"{{!' aria-current="step"' if number == current else ''}}>
    <span class="step-number">{{number}}</span> <span class="step-name">{{name}}</span>
  </li>
  % end
</ol>
