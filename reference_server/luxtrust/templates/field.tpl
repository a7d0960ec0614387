% # One labelled input; its error message is in the summary at the top of the form.
% message = errors.get(name)
<div class="field{{' field-error' if message else ''}}">
  <label for="{{name}}">{{label}}</label>
  % if get('hint'):
  <p class="hint" id="{{name}}-hint">{{hint}}</p>
  % end
  <input id="{{name}}" name="{{name}}" type="{{get('kind', 'text')}}" value="{{get('value', '')}}"
         autocomplete="{{get('autocomplete', 'off')}}"{{!' inputmode="%s"' % get('inputmode') if get('inputmode') else ''}}
         {{!'aria-invalid="true" aria-describedby="%s-error"' % name if message else ''}}>
</div>
