/*
 * Live LIX meter for easy-read fields in the page editor.
 *
 * The script tag names the fields (data-readability-fields) and the admin
 * endpoint that computes the score (data-readability-url): the score is
 * computed on the server by the same function the checks use, and all words
 * shown come from there, translated. No inline script or style is needed.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    return;
  }
  var url = script.dataset.readabilityUrl;
  var fields = (script.dataset.readabilityFields || "").split(" ");
  var WAIT_MS = 400;

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(textarea) {
    var meter = document.createElement("p");
    meter.className = "help readability-meter";
    meter.id = textarea.id + "-readability";
    meter.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", meter);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute(
      "aria-describedby",
      (described ? described + " " : "") + meter.id
    );

    var timer = null;
    var latest = 0;
    function update() {
      var body = new FormData();
      body.append("text", textarea.value);
      var request = ++latest;
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(textarea.form) },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && request === latest) {
            meter.textContent = data.message;
            meter.dataset.band = data.band;
          }
        })
        .catch(function () {});
    }
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, WAIT_MS);
    });
    update();
  }

  function start() {
    fields.forEach(function (name) {
      if (!name) {
        return;
      }
      document
        .querySelectorAll('textarea[name="' + name + '"]')
        .forEach(attach);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
