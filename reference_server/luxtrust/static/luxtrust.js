// Progressive enhancement only: without this file, « Continuer » asks the server itself.
(function () {
  "use strict";

  // A refused form or an error page: the focus moves to the message, so that a screen reader reads
  // it first and Tab goes on from there to the form (WCAG 3.3.1, 2.4.3).
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // Once the phone has answered (or the login has expired), submit « Continuer » for the person.
  var form = document.querySelector("form[data-poll]");
  if (!form) {
    return;
  }
  var url = form.getAttribute("data-poll");
  var button = form.querySelector('button[value="continuer"]');
  var timer = window.setInterval(function () {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (reply) { return reply.json(); })
      .then(function (status) {
        if (status.status !== "pending") {
          window.clearInterval(timer);
          button.click();
        }
      })
      .catch(function () { /* A missed poll is retried a second later. */ });
  }, 1000);
})();
