% # One labelled input with its hint and error message, both read with it (aria-describedby);
% # the asterisk is hidden from the accessible name.
% messages = errors.get(name, [])
% described = ' '.join(([name + '-hint'] if get('hint') else []) + ([name + '-error'] if messages else []))
<div class="field{{' field-error' if messages else ''}}">
  <label for="{{name}}">{{label}}{{!' <span class="required" aria-hidden="true">*</span>' if get('required', True) else ''}}</label>
  % if get('hint'):
  <p class="hint" id="{{name}}-hint">{{hint}}</p>
  % end
  <input id="{{name}}" name="{{name}}" type="{{get('kind', 'text')}}" value="{{get('value', '')}}"
         autocomplete="{{get('autocomplete', 'off')}}"{{!' inputmode="%s"' % get('inputmode') if get('inputmode') else ''}}
         {{!'aria-invalid="true"' if messages else ''}}{{!' aria-describedby="%s"' % described if described else ''}}>
  % if messages:
  <div class="error" id="{{name}}-error">
    % for message in messages:
    <p>{{message}}</p>
    % end
  </div>
  % end
</div>
