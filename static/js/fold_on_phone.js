/* Folds the <details data-fold-on-phone> just before this script behind its
   summary on a phone, unless a filter is in use (data-keep-open): filters
   would otherwise fill the first screen. Loaded right after the element, not
   deferred, so the fold happens before the page is first drawn and nothing
   moves under the reader; without JavaScript the details stay open. */
(function () {
  "use strict";
  var fold = document.currentScript && document.currentScript.previousElementSibling;
  if (!fold || !fold.hasAttribute("data-fold-on-phone")) {
    return;
  }
  if (window.matchMedia("(max-width: 767px)").matches && !fold.hasAttribute("data-keep-open")) {
    fold.open = false;
  }
})();
