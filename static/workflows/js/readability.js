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

  // The meter's scale: 0-70, green up to 34, yellow to 44, red beyond
  // (the bands of cms.text_checks.lix_band; the words say which).
  function meterElement() {
    var bar = document.createElement("meter");
    bar.min = 0;
    bar.max = 70;
    bar.low = 35;
    bar.high = 45;
    bar.optimum = 20;
    bar.hidden = true;
    return bar;
  }

  function attach(textarea) {
    var meter = document.createElement("div");
    meter.className = "readability-meter";
    var bar = meterElement();
    var text = document.createElement("p");
    text.className = "readability-meter__text readability-meter__text--live";
    text.id = textarea.id + "-readability";
    text.setAttribute("aria-live", "polite");
    meter.appendChild(bar);
    meter.appendChild(text);
    textarea.insertAdjacentElement("afterend", meter);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute(
      "aria-describedby",
      (described ? described + " " : "") + text.id
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
            text.textContent = data.message;
            meter.dataset.band = data.words ? data.band : "";
            bar.value = data.score;
            bar.textContent = "LIX " + data.score;
            bar.hidden = !data.words;
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

  // A field of an inline panel's row is named "<rows>-<n>-<name>"; rows
  // added in the editor later are metered as they appear.
  var selector = fields
    .filter(function (name) {
      return name;
    })
    .map(function (name) {
      return 'textarea[name="' + name + '"], textarea[name$="-' + name + '"]';
    })
    .join(", ");

  function attachWithin(root) {
    if (!selector || !root.querySelectorAll) {
      return;
    }
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) {
      found.push(root);
    }
    found.forEach(function (textarea) {
      if (!textarea.dataset.readabilityMeter && !/__prefix__/.test(textarea.name)) {
        textarea.dataset.readabilityMeter = "1";
        attach(textarea);
      }
    });
  }

  function start() {
    attachWithin(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(attachWithin);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
