<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>eSanté conformance report — {{header.run_date}}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d2b36; line-height: 1.4; }
    h1 { margin-bottom: .5rem; }
    h2 { margin-top: 2rem; border-bottom: 2px solid #d5dde3; padding-bottom: .2rem; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    dl.meta dt { font-weight: 600; }
    dl.meta dd { margin: 0; }
    table.totals { border-collapse: collapse; margin: 1rem 0; }
    table.totals th, table.totals td { text-align: left; padding: .3rem .8rem; border: 1px solid #d5dde3; }
    .passed { color: #1b6e2d; }
    .failed { color: #a4161a; }
    .not-run, .skipped { color: #8a5a00; }
    .differs { color: #5a3e9b; }
    .advisory { color: #0b5c78; }
    .muted, .file, .nodeid { color: #5b6b77; font-size: .9rem; }
    .badge { display: inline-block; min-width: 4.5rem; text-align: center; font-size: .8rem; font-weight: 700; text-transform: uppercase; border-radius: .3rem; padding: .05rem .4rem; color: #fff; }
    .badge.passed { background: #1b6e2d; }
    .badge.failed { background: #a4161a; }
    .badge.not-run { background: #8a5a00; }
    .badge.flaky { background: #b35c00; }
    .flaky { color: #b35c00; }
    .badge.differs { background: #5a3e9b; }
    .badge.advisory { background: #0b5c78; }
    .security-failure { color: #8c1d40; }
    .badge.security-failure { background: #8c1d40; }
    details.scenario.security-failure { border-left-color: #8c1d40; }
    .badge.verdict { background: #eef3f6; color: #1d2b36; border: 1px solid #b9c6cf; }
    .expected-failure { color: #6b4f00; }
    .unexpected-pass { color: #a4161a; }
    .badge.expected-failure { background: #6b4f00; color: #fff; }
    .badge.unexpected-pass { background: #a4161a; color: #fff; }
    details.scenario.expected-failure { border-left-color: #6b4f00; }
    section.verdicts { border: 1px solid #d5dde3; border-radius: .3rem; padding: 0 1rem; margin: 1rem 0; background: #f7fafb; }
    section.verdicts h2 { margin-top: 1rem; }
    details.scenario { border: 1px solid #d5dde3; border-left-width: .4rem; border-radius: .3rem; margin: .5rem 0; }
    details.scenario.passed { border-left-color: #1b6e2d; }
    details.scenario.failed { border-left-color: #a4161a; }
    details.scenario.not-run { border-left-color: #8a5a00; }
    details.scenario.differs { border-left-color: #5a3e9b; }
    details.scenario.advisory { border-left-color: #0b5c78; }
    ul.findings li { margin: .2rem 0; }
    details.scenario > summary { cursor: pointer; padding: .4rem .6rem; }
    /* Only the badges and step statuses carry the outcome's colour, not the whole text. */
    details.scenario, ol.steps li { color: #1d2b36; }
    details.scenario > div { padding: 0 1rem 1rem; }
    .tag { display: inline-block; background: #eef3f6; border-radius: .3rem; padding: 0 .3rem; margin-right: .2rem; font-family: ui-monospace, monospace; font-size: .85rem; }
    .requirement { background: #dbe9f6; }
    ol.steps { padding-left: 1.5rem; }
    ol.steps li { margin: .15rem 0; }
    ol.steps .status { display: inline-block; min-width: 4.5rem; font-size: .8rem; font-weight: 700; text-transform: uppercase; }
    ol.steps li.failed { background: #fbeaea; }
    ol.steps .duration { color: #5b6b77; font-size: .85rem; margin-left: .5rem; }
    ol.steps li.not-run .sentence { color: #5b6b77; }
    pre.error { white-space: pre-wrap; word-break: break-word; background: #fbeaea; border: 1px solid #e8b4b4; padding: .6rem; overflow-x: auto; }
    figure { margin: 1rem 0; }
    figure img { max-width: min(100%, 48rem); border: 1px solid #d5dde3; }
    code { font-family: ui-monospace, monospace; background: #eef3f6; padding: 0 .2rem; }
    table.axe-findings { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
    table.axe-findings th, table.axe-findings td { text-align: left; vertical-align: top; padding: .3rem .5rem; border: 1px solid #d5dde3; }
    table.axe-findings td { word-break: break-word; }
    pre.snippet { white-space: pre-wrap; word-break: break-all; margin: .3rem 0 0; font-size: .8rem; background: #eef3f6; padding: .2rem; }
    ul.compact { list-style: none; padding-left: 0; font-family: ui-monospace, monospace; font-size: .85rem; }
  </style>
</head>
<body>
<header>
  <h1>eSanté conformance report</h1>
  <dl class="meta">
    <dt>Run date</dt><dd>{{header.run_date}}</dd>
    <dt>Target</dt><dd>{{header.target}}</dd>
    <dt>Faker seed</dt><dd>{{"not set" if header.faker_seed is None else header.faker_seed}}</dd>
  </dl>
  <table class="totals">
    <tr>
      <th scope="row">Scenarios</th>
      <td class="passed">{{totals["passed"]}} passed</td>
      <td class="flaky">{{totals["flaky"]}} flaky</td>
      <td class="failed">{{totals["failed"]}} failed</td>
      <td class="not-run">{{totals["not_run"]}} not run</td>
    </tr>
    <tr>
      <th scope="row">Unit tests</th>
      <td class="passed">{{unit_totals["passed"]}} passed</td>
      <td class="failed">{{unit_totals["failed"]}} failed</td>
      <td class="not-run">{{unit_totals["not_run"]}} not run</td>
    </tr>
  </table>
  <section class="verdicts" aria-labelledby="verdicts-heading">
    <h2 id="verdicts-heading">Verdicts</h2>
    <p>{{strict_note}}</p>
    <table class="totals">
      <tr>
        <th scope="row">Conformance</th>
        <td class="passed">{{verdicts["conformance"]["passed"]}} passed</td>
        <td class="failed">{{verdicts["conformance"]["failed"]}} failed</td>
        <td class="not-run">{{verdicts["conformance"]["not_run"]}} not run</td>
      </tr>
      <tr>
        <th scope="row">Reference behaviour</th>
        <td class="passed">{{verdicts["reference"]["as_reference"]}} as the reference</td>
        <td class="differs">{{verdicts["reference"]["differs"]}} {{"differs" if verdicts["reference"]["differs"] == 1 else "differ"}} from the reference</td>
        <td class="not-run">{{verdicts["reference"]["not_run"]}} not run</td>
        <td class="differs">{{verdicts["reference"]["findings"]}} {{"difference" if verdicts["reference"]["findings"] == 1 else "differences"}} recorded by steps</td>
      </tr>
      <tr>
        <th scope="row">Accessibility</th>
        <td class="passed">{{verdicts["accessibility"]["passed"]}} scenarios passed</td>
        <td class="advisory">{{verdicts["accessibility"]["advisories"]}} {{"advisory" if verdicts["accessibility"]["advisories"] == 1 else "advisories"}}</td>
        <td class="not-run">{{verdicts["accessibility"]["not_run"]}} not run</td>
        <td class="advisory">{{criteria or "no criterion named"}}</td>
      </tr>
      <tr>
        <th scope="row">Security</th>
        <td class="passed">{{verdicts["security"]["passed"]}} passed</td>
        <td class="security-failure">{{verdicts["security"]["failed"]}} failed</td>
        <td class="not-run">{{verdicts["security"]["not_run"]}} not run</td>
        <td class="muted">OWASP ASVS 5.0, NIST SP 800-63B</td>
      </tr>
    </table>
  % if requirements:
    <p class="requirements-matrix">Requirements:
      {{requirements}}
      — <a href="requirements.csv">requirements.csv</a>, <a href="requirements.json">requirements.json</a></p>
  % end
  </section>
% if deviations:
  <section class="verdicts deviations" aria-labelledby="deviations-heading">
    <h2 id="deviations-heading">Expected deviations</h2>
    <p>Declared in <code>{{deviations["file"]}}</code>:
      <span class="expected-failure">{{deviations["expected_count"]}} {{"expected failure" if deviations["expected_count"] == 1 else "expected failures"}}</span>,
      <span class="unexpected-pass">{{len(deviations["unexpected"])}} {{"unexpected pass" if len(deviations["unexpected"]) == 1 else "unexpected passes"}}</span>,
      {{len(deviations["not_run"])}} not run, {{len(deviations["stale"])}} stale.</p>
    <ul>
    % for kind, css, entries in (("expected failure", "expected-failure", deviations["expected"]), ("unexpected pass", "unexpected-pass", deviations["unexpected"]), ("not run", "not-run", deviations["not_run"]), ("stale", "not-run", deviations["stale"])):
      % for d in entries:
      <li class="deviation-item"><span class="badge {{css}}">{{kind}}</span> <strong>{{d["declared"]}}</strong>: {{d["because"]}}
        <span class="muted">({{d["where"]}})</span>
        % for anchor, name in d["scenarios"]:
        — <a href="#{{anchor}}">{{name}}</a>
        % end
      </li>
      % end
    % end
    </ul>
  </section>
% end
</header>
<main>
% if failures:
  <section>
    <h2>Failed conformance scenarios</h2>
    <ul>
    % for s in failures:
      <li>
        <a href="#{{s["anchor"]}}">{{s["name"]}}</a>
        — {{("step: " + s["failing_step"]) if s["failing_step"] else ("failed during " + str(s["failed_phase"]))}}
        % if s["requirements"]:
        — requirements: {{", ".join(s["requirements"])}}
        % end
      </li>
    % end
    </ul>
  </section>
% end
% if differences:
  <section>
    <h2>Differs from the reference</h2>
    <ul>
    % for d in differences:
      <li class="differs-item">
        <a href="#{{d["anchor"]}}">{{d["feature"]}} &gt; {{d["scenario"]}}</a>
        — step: {{d["step"] or "(outside the steps)"}} — {{d["message"]}}{{(" — page: " + d["page"]) if d["page"] else ""}}
      </li>
    % end
    </ul>
  </section>
% end
% if advisories:
  <section>
    <h2>Accessibility advisories</h2>
    <ul>
    % for a in advisories:
      <li class="advisory-item">
        <strong>{{a["criterion"]}}</strong>
        <a href="#{{a["anchor"]}}">{{a["feature"]}} &gt; {{a["scenario"]}}</a>: {{a["message"]}}{{(" — page: " + a["page"]) if a["page"] else ""}}
      </li>
    % end
    </ul>
  </section>
% end
% if axe is not None:
  <section class="axe" aria-labelledby="axe-heading">
    <h2 id="axe-heading">Accessibility profile (axe-core)</h2>
    <p>axe-core ran WCAG 2.1 A and AA rules on every page state the scenarios visited
      ({{axe_states}} {{"state" if axe_states == 1 else "states"}}): {{len(axe)}} distinct {{"violation" if len(axe) == 1 else "violations"}} (by page, rule and node),
      {{axe_total}} {{"finding" if axe_total == 1 else "findings"}} across the scenarios, reported as accessibility advisories{{"; they decide the exit code (" + ("--axe-fail" if header.axe == "fail" else "strict") + ")" if axe_counted else ""}}.</p>
    % if axe:
    <table class="axe-findings">
      <tr><th scope="col">Rule</th><th scope="col">WCAG criterion</th><th scope="col">Page</th><th scope="col">Example node</th><th scope="col">Scenarios</th></tr>
      % for a in axe:
      <tr class="axe-item">
        <td><a href="{{a["help_url"] or "#"}}"><code>{{a["rule"]}}</code></a>{{(" (" + a["impact"] + ")") if a["impact"] else ""}}<br>{{a["message"]}}</td>
        <td>{{a["criterion"]}}</td>
        <td>{{a["page"]}}</td>
        <td><code>{{a["target"]}}</code>{{(" and " + str(a["nodes"] - 1) + " more") if a["nodes"] > 1 else ""}}<pre class="snippet">{{a["html"]}}</pre></td>
        <td>
        % for anchor, name in a["scenarios"].items():
          <a href="#{{anchor}}">{{name}}</a><br>
        % end
        </td>
      </tr>
      % end
    </table>
    % end
  </section>
% end
% if insecure:
  <section>
    <h2>Security failures</h2>
    <ul>
    % for s in insecure:
      <li class="security-item">
        <strong>{{", ".join(s["security_requirements"]) or "no ASVS id"}}</strong>
        <a href="#{{s["anchor"]}}">{{s["name"]}}</a>
        — {{("step: " + s["failing_step"]) if s["failing_step"] else ("failed during " + str(s["failed_phase"]))}}
        — {{(s["error"] or "no message").splitlines()[0]}}
      </li>
    % end
    </ul>
  </section>
% end
% if not features:
  <p class="muted">No scenario ran.</p>
% end
% for f in features:
  <section>
    <h2>{{f["name"]}}</h2>
    <p class="file">{{f["file"]}} — {{f["totals"]}}</p>
  % for s in f["scenarios"]:
    <details id="{{s["anchor"]}}" class="scenario {{s["css"]}}"{{!" open" if s["outcome"] == "failed" else ""}}>
      <summary>
        <span class="badge {{s["css"]}}">{{s["label"]}}</span>
        <span class="badge verdict {{s["verdict_css"]}}">{{s["verdict"]}}</span>
        % if s["deviation"] and s["deviation"]["kind"] != s["label"]:
        <span class="badge {{s["deviation"]["css"]}}">{{s["deviation"]["kind"]}}</span>
        % end
        {{s["name"]}}
        % for requirement in s["requirements"] + s["security_requirements"]:
        <span class="tag requirement">{{requirement}}</span>
        % end
      </summary>
      <div>
        <p>
          Tags:
        % for tag in s["tags"]:
          <span class="tag">@{{tag}}</span>
        % end
        % if not s["tags"]:
          <span class="muted">none</span>
        % end
        </p>
        <p>Requirements: {{", ".join(s["requirements"] + s["security_requirements"]) or "none"}}
        % if s["pages"]:
          — guide pages: {{", ".join(s["pages"])}}
        % end
        </p>
      % if s["deviation"]:
        <p class="{{s["deviation"]["css"]}}"><strong>{{s["deviation"]["kind"].capitalize()}}</strong> (declared: {{s["deviation"]["declared"]}}, {{s["deviation"]["where"]}}): {{s["deviation"]["because"]}}</p>
      % end
      % if s["outcome"] == "not run":
        <p class="not-run"><strong>Not run:</strong> {{s["skip_reason"] or "the run stopped before this scenario finished"}}</p>
      % end
        <ol class="steps">
        % for step in s["steps"]:
          <li class="{{step["css"]}}"><span class="status {{step["css"]}}">{{step["status"]}}</span> <span class="sentence">{{step["sentence"]}}</span><span class="duration">{{step["duration"]}}</span></li>
        % end
        </ol>
      % if s["findings"]:
        <p><strong>Findings:</strong></p>
        <ul class="findings">
        % for finding in s["findings"]:
          <li class="{{finding["css"]}}"><span class="badge {{finding["css"]}}">{{finding["label"]}}</span> {{finding["message"]}}
            <span class="muted">— step: {{finding["step"] or "(outside the steps)"}}{{(" — page: " + finding["page"]) if finding["page"] else ""}}</span>
          % if finding["axe"]:
            <span class="muted">— node: <code>{{finding["axe"]["target"]}}</code> — <a href="{{finding["axe"]["help_url"] or "#"}}">{{finding["axe"]["rule"]}}</a></span>
          % end
          </li>
        % end
        </ul>
      % end
      % if s["outcome"] == "failed":
        % if s["failing_step"]:
        <p><strong>Failing step:</strong> {{s["failing_step"]}}</p>
        % else:
        <p><strong>Failed during:</strong> {{s["failed_phase"]}}</p>
        % end
        % if s["label"] == "failed":
        <p><strong>Requirements not met:</strong> {{", ".join(s["requirements"]) or "none tagged"}}</p>
        % else:
        <p><strong>Outcome:</strong> {{s["label"]}} ({{s["verdict"]}} verdict)</p>
        % end
        <p><strong>Error</strong>{{(" (" + s["error_type"] + ")") if s["error_type"] else ""}}:</p>
        <pre class="error">{{s["error"] or "no message"}}</pre>
      % end
      % for attempt in s["attempts"]:
        <div class="attempt">
          <p><strong>Attempt {{attempt["number"]}} failed</strong>{{(" at step: " + attempt["failing_step"]) if attempt["failing_step"] else ""}}; it was run again.</p>
          <pre class="error">{{attempt["error"]}}</pre>
          % if attempt["screenshot"]:
          <p>Its final screenshot: <a href="{{attempt["screenshot"]}}">{{attempt["screenshot"]}}</a></p>
          % end
          % if attempt["trace"]:
          <p>Its Playwright trace: <a href="{{attempt["trace"]}}">{{attempt["trace"]}}</a></p>
          % end
        </div>
      % end
      % if s["screenshot"]:
        <figure>
          <img src="{{s["screenshot"]}}" alt="The page at the end of the scenario" loading="lazy">
          <figcaption class="muted">The page at the end of the scenario.</figcaption>
        </figure>
      % end
      % if s["screenshot_error"]:
        <p class="muted">No final screenshot: {{s["screenshot_error"]}}</p>
      % end
      % if s["trace"]:
        <p>Playwright trace: <a href="{{s["trace"]}}">{{s["trace"]}}</a> — open it from the repository root with <code>{{s["trace_command"]}}</code></p>
      % end
      % for video in s["videos"]:
        <p>Video: <a href="{{video}}">{{video}}</a></p>
      % end
      % if s["trace_error"]:
        <p class="muted">No trace: {{s["trace_error"]}}</p>
      % end
        <p class="nodeid">Line {{s["line"]}} — test id <code>{{s["nodeid"]}}</code></p>
      </div>
    </details>
  % end
  </section>
% end
  <section>
    <h2>Unit tests</h2>
    <p>{{unit_totals["passed"]}} passed, {{unit_totals["failed"]}} failed, {{unit_totals["not_run"]}} not run.</p>
  % for t in unit_tests:
    % if t["outcome"] == "failed":
    <p class="failed"><strong>Failed:</strong> <code>{{t["nodeid"]}}</code></p>
    <pre class="error">{{t["detail"] or "no message"}}</pre>
    % end
  % end
  % if unit_tests:
    <details>
      <summary>All unit tests ({{len(unit_tests)}})</summary>
      <ul class="compact">
      % for t in unit_tests:
        <li class="{{t["css"]}}">{{t["outcome"]}} {{t["nodeid"]}}{{(" — " + t["detail"]) if t["outcome"] == "not run" and t["detail"] else ""}}</li>
      % end
      </ul>
    </details>
  % end
  </section>
</main>
</body>
</html>
