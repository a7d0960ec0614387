<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{{guide.title}} — guide vivant</title>
<style>
  :root { --met: #1b6e34; --not-met: #a61b1b; --other: #5b5b5b; --line: #d0d4d9; }
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2329; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.4; }
  header.cover { border-bottom: 3px solid #00558c; margin-bottom: 1rem; }
  h1 { color: #00558c; font-size: 1.6rem; margin: 0 0 .3rem; }
  .run { color: var(--other); margin: 0 0 .6rem; }
  .totals { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; list-style: none; }
  .totals li { border: 1px solid var(--line); border-radius: .3rem; padding: .2rem .6rem; }
  section.page { break-before: page; }
  section.page:first-of-type { break-before: auto; }
  h2 { font-size: 1.2rem; color: #00558c; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
  h2 .number { color: var(--other); font-weight: normal; }
  article { break-inside: avoid; border-left: 4px solid var(--other); padding: .3rem 0 .6rem .8rem; margin: 0 0 1rem; }
  article.met { border-color: var(--met); }
  article.not-met { border-color: var(--not-met); }
  .id { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; color: var(--other); }
  .verdict { font-weight: bold; margin-left: .5rem; }
  .met .verdict { color: var(--met); }
  .not-met .verdict { color: var(--not-met); }
  .text { margin: .2rem 0 .4rem; }
  .detail, .scenarios, figcaption { font-size: .85rem; color: var(--other); }
  figure { margin: .4rem 0 0; }
  figure img { max-width: 100%; max-height: 8cm; border: 1px solid var(--line); }
  @page { size: A4; margin: 1.5cm 1.2cm; }
</style>
</head>
<body>
<header class="cover">
  <h1>{{guide.title}}</h1>
  <p class="run">Guide vivant : chaque instruction du guide publié, avec sa capture et son verdict de l'exécution du {{guide.run_date}} sur {{guide.target}}.</p>
  <ul class="totals">
    % for verdict, words in verdict_words.items():
    <li>{{words}} : {{guide.count(verdict)}}</li>
    % end
  </ul>
</header>
% for page in guide.pages:
<section class="page" aria-labelledby="page-{{page.number}}">
  <h2 id="page-{{page.number}}"><span class="number">Page {{page.number}} —</span> {{page.section}}</h2>
  % for item in page.instructions:
  <article class="{{item.verdict.replace(' ', '-')}}">
    <div><span class="id">{{item.requirement.id}}</span><span class="verdict">{{item.verdict_words}}</span></div>
    <p class="text">{{item.requirement.text}}</p>
    % if item.detail:
    <p class="detail">{{item.detail}}</p>
    % end
    % if item.scenarios:
    <p class="scenarios">Scénarios : {{" · ".join(item.scenarios)}}</p>
    % end
    % if item.evidence:
    <figure>
      <img src="{{image_base}}{{item.evidence.image}}" alt="Capture : {{item.evidence.step}}">
      <figcaption>{{item.evidence.scenario}} — {{item.evidence.step}}</figcaption>
    </figure>
    % end
  </article>
  % end
</section>
% end
</body>
</html>
