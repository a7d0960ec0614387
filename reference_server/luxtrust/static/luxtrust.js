// Progressive enhancement only: without this file, « Continuer » asks the server itself.
(function () {
  "use strict";

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
