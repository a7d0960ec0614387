% # One labelled input; its error message is in the summary at the top of the form, and both its
% # hint and that message are read with it (aria-describedby).
% message = errors.get(name)
% described = ' '.join(([name + '-hint'] if get('hint') else []) + ([name + '-error'] if message else []))
<div class="field{{' field-error' if message else ''}}">
  <label for="{{name}}">{{label}}</label>
  % if get('hint'):
  <p class="hint" id="{{name}}-hint">{{hint}}</p>
  % end
  <input id="{{name}}" name="{{name}}" type="{{get('kind', 'text')}}" value="{{get('value', '')}}"
         autocomplete="{{get('autocomplete', 'off')}}"{{!' inputmode="%s"' % get('inputmode') if get('inputmode') else ''}}
         {{!'aria-invalid="true"' if message else ''}}{{!' aria-describedby="%s"' % described if described else ''}}>
</div>
