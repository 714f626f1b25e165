/* Starts Det Fælles Designsystem's components (mobile menu, accordions).
   Kept in a file, not inline, so a strict Content-Security-Policy can be set. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
});
