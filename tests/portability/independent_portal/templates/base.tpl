<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} – Portail eSanté</title>
<style>
  body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #222; background: #fbfaf7; }
  .topbar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center;
            gap: .5rem; padding: .6rem 1rem; background: #3b2f6b; color: #fff; }
  .topbar a { color: #fff; }
  .topbar .marque { font-weight: bold; font-size: 1.2rem; text-decoration: none; }
  .topbar .outils { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
  .page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  .bouton, input[type=submit] { display: inline-block; padding: .5rem 1rem; border: 2px solid #3b2f6b;
            border-radius: 1.2rem; background: #3b2f6b; color: #fff; font: inherit; text-decoration: none;
            cursor: pointer; }
  .bouton.discret { background: #fff; color: #3b2f6b; }
  .errors { border-left: 6px solid #b00020; background: #fdecee; padding: .5rem 1rem; margin: 1rem 0; }
  .note { border-left: 6px solid #3b2f6b; background: #efedf7; padding: .5rem 1rem; }
  ol.etapes { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; counter-reset: etape; }
  ol.etapes li { counter-increment: etape; padding: .3rem .6rem; border-radius: .3rem; background: #e4e1ee; }
  ol.etapes li::before { content: counter(etape) " "; font-weight: bold; }
  ol.etapes li.current { background: #3b2f6b; color: #fff; }
  [hidden] { display: none !important; }
  .champ { display: block; margin: .8rem 0; }
  .champ input, .champ textarea { display: block; margin-top: .2rem; width: 100%; max-width: 24rem;
            padding: .4rem; font: inherit; box-sizing: border-box; }
  .cgu-texte { max-height: 16rem; overflow-y: auto; border: 1px solid #aaa; padding: .5rem 1rem; background: #fff; }
  .colonnes { display: flex; flex-wrap: wrap; gap: 2rem; }
  .colonnes > * { flex: 1 1 18rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; align-items: center; }
</style>
</head>
<body>
<div class="topbar">
  <a class="marque" href="/">eSanté</a>
  <div class="outils">
    <span>Helpdesk : <a href="tel:+35227125018 33">(+352) 27 12 50 18 33</a></span>
    <a href="/connexion">Connexion</a>
  </div>
</div>
<main class="page">
{{!base}}
</main>
<script>
  // Progressive enhancement: radio answers reveal or leave the parts of a form they concern.
  document.querySelectorAll("[data-reveal]").forEach(function (radio) {
    function update() {
      document.querySelectorAll("[data-when='" + radio.name + "']").forEach(function (part) {
        var checked = document.querySelector("input[name='" + radio.name + "']:checked");
        part.hidden = !checked || part.dataset.value !== checked.value;
      });
    }
    radio.addEventListener("change", update);
    update();
  });
  document.querySelectorAll("[data-leave-to]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (radio.checked) { radio.form.requestSubmit(); }
    });
  });
</script>
</body>
</html>
