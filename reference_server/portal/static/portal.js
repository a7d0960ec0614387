// Progressive enhancement only: every form and link works without this file.
(function () {
  "use strict";

  // « Connexion » opens its choices in place instead of going to the /connexion page.
  document.querySelectorAll("[data-menu]").forEach(function (menu) {
    var toggle = menu.querySelector("[data-menu-toggle]");
    var popup = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var open = popup.hidden;
      popup.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !popup.hidden) {
        popup.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  });

  // Blocks marked data-shown-when="group=value" follow the radio buttons of that group.
  function sync(group) {
    var checked = document.querySelector('input[type="radio"][name="' + group + '"]:checked');
    document.querySelectorAll('[data-shown-when^="' + group + '="]').forEach(function (block) {
      block.hidden = !checked || block.getAttribute("data-shown-when") !== group + "=" + checked.value;
    });
  }
  document.querySelectorAll("[data-toggle-group]").forEach(function (fieldset) {
    var group = fieldset.getAttribute("data-toggle-group");
    fieldset.addEventListener("change", function () { sync(group); });
    sync(group);
  });
})();
