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

  // A refused form or an error page: the focus moves to the message, so that a screen reader reads
  // it first and Tab goes on from there to the form (WCAG 3.3.1, 2.4.3).
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // Signed-in pages: warn before the idle session expires, and let the person extend it (WCAG 2.2.1).
  var dialog = document.getElementById("session-warning");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var idleMs = Number(dialog.getAttribute("data-idle-seconds")) * 1000;
  var warnMs = Number(dialog.getAttribute("data-warn-seconds")) * 1000;
  var renewal = dialog.querySelector("form[data-session-extend]");
  var warning = dialog.querySelector('[data-session-state="warning"]');
  var expired = dialog.querySelector('[data-session-state="expired"]');
  var timers = [];

  function show(state) {
    var isExpired = state === "expired";
    warning.hidden = isExpired;
    expired.hidden = !isExpired;
    dialog.setAttribute("aria-labelledby", isExpired ? "session-expired-title" : "session-warning-title");
    dialog.setAttribute("aria-describedby", isExpired ? "session-expired-text" : "session-warning-text");
    if (!dialog.open) {
      dialog.showModal();
    }
    (isExpired ? expired : warning).querySelector("button, a").focus();
  }

  function schedule() {
    timers.forEach(window.clearTimeout);
    // The page's own request has just renewed the session: count from now.
    timers = [
      window.setTimeout(function () { show("warning"); }, Math.max(idleMs - warnMs, 0)),
      window.setTimeout(function () { show("expired"); }, idleMs),
    ];
  }

  function extend() {
    // The form's POST, with its CSRF token, renews the session and answers 204; a page would
    // do as well but would use up the messages waiting for the next page.
    fetch(renewal.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(renewal)),
      credentials: "same-origin",
      cache: "no-store",
    })
      .then(function (reply) {
        if (reply.status !== 204) {
          show("expired");
          return;
        }
        dialog.close();
        schedule();
      })
      .catch(function () { show("expired"); });
  }

  renewal.addEventListener("submit", function (event) {
    event.preventDefault();
    extend();
  });
  // Escape closes the warning: the person is there, so the session is extended as well.
  dialog.addEventListener("cancel", function (event) {
    if (!warning.hidden) {
      event.preventDefault();
      extend();
    }
  });
  schedule();
})();
