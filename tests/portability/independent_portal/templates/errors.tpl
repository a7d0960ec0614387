% if errors:
<div role="alert" class="errors">
  <p>Veuillez corriger les points suivants :</p>
  <ul>
  % for error in errors:
    <li>{{error}}</li>
  % end
  </ul>
</div>
% end
