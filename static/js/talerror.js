/* Starts Det Fælles Designsystem's components (mobile menu, accordions) and
   the site's few own behaviours. Kept in a file, not inline, so a strict
   Content-Security-Policy can be set. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
  // Print buttons are hidden until this script can make them work.
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
