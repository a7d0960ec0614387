% # One labelled input with its error message; the asterisk is hidden from the accessible name.
% messages = errors.get(name, [])
<div class="field{{' field-error' if messages else ''}}">
  <label for="{{name}}">{{label}}{{!' <span class="required" aria-hidden="true">*</span>' if get('required', True) else ''}}</label>
  % if get('hint'):
  <p class="hint" id="{{name}}-hint">{{hint}}</p>
  % end
  <input id="{{name}}" name="{{name}}" type="{{get('kind', 'text')}}" value="{{get('value', '')}}"
         autocomplete="{{get('autocomplete', 'off')}}"{{!' inputmode="%s"' % get('inputmode') if get('inputmode') else ''}}
         {{!'aria-invalid="true" aria-describedby="%s-error"' % name if messages else ''}}>
  % if messages:
  <div class="error" id="{{name}}-error">
    % for message in messages:
    <p>{{message}}</p>
    % end
  </div>
  % end
</div>
