% # The message of a refused checkbox or group of radio buttons, shown beside it; its controls
% # point to it with aria-describedby and carry aria-invalid, as field.tpl's inputs do.
% messages = errors.get(name, [])
% if messages:
<div class="error" id="{{name}}-error">
  % for message in messages:
  <p>{{message}}</p>
  % end
</div>
% end
