% # The page's problems, announced together at the top of the form.
% if errors:
<div class="error-summary" role="alert">
  <p>Veuillez corriger les éléments suivants :</p>
  <ul>
  % for messages in errors.values():
    % for message in messages:
    <li>{{message}}</li>
    % end
  % end
  </ul>
</div>
% end
