// Progressive enhancement only: every form and link works without this file.
(function () {
  "use strict";

  // A refused form or an error page: the focus moves to the message, so that a screen reader reads
  // it first and Tab goes on from there to the form (WCAG 3.3.1, 2.4.3).
  var summary = document.querySelector(".mg-errors");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
