<ol class="etapes">
% for number, name in enumerate(step_names, start=1):
  <li{{!' class="current"' if number == current else ''}}>{{name}}</li>
% end
</ol>
