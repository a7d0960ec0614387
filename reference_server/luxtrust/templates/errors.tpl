% # The form's problems, announced together; each field with a problem points to its message.
% if errors:
<div class="error-summary" role="alert">
  % for name, message in errors.items():
  <p id="{{name}}-error">{{message}}</p>
  % end
</div>
% end
