% # « Déposer un document »: the file is checked on the server, whatever the browser says of it.
<section class="dsp-card" aria-labelledby="upload-title">
  <h2 id="upload-title">Déposer un document</h2>
  % include('errors.tpl', errors=upload_errors)
  <form method="post" action="{{base}}/documents" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{csrf_token}}">
    % messages = upload_errors.get('document', [])
    <div class="field{{' field-error' if messages else ''}}">
      <label for="document">Document <span class="required" aria-hidden="true">*</span></label>
      <p class="hint" id="document-hint">PDF, PNG ou JPEG, 5 Mo au maximum.</p>
      <input id="document" name="document" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
             aria-describedby="document-hint{{' document-error' if messages else ''}}"{{!' aria-invalid="true"' if messages else ''}}>
      % if messages:
      <div class="error" id="document-error">
        % for message in messages:
        <p>{{message}}</p>
        % end
      </div>
      % end
    </div>
    % include('field.tpl', name='document_title', label='Titre du document', value=typed.get('document_title', ''), errors=upload_errors)
    % messages = upload_errors.get('document_kind', [])
    <div class="field{{' field-error' if messages else ''}}">
      <label for="document_kind">Type de document</label>
      <select id="document_kind" name="document_kind"{{!' aria-invalid="true" aria-describedby="document_kind-error"' if messages else ''}}>
        % for kind in kinds:
        <option value="{{kind}}"{{!' selected' if kind == typed.get('document_kind') else ''}}>{{kind}}</option>
        % end
      </select>
      % if messages:
      <div class="error" id="document_kind-error">
        % for message in messages:
        <p>{{message}}</p>
        % end
      </div>
      % end
    </div>
    <button type="submit" class="button button-primary">Déposer un document</button>
  </form>
</section>
