// The verdict form: what the reviewer types is never lost.
//
// 1. A click on "Save draft" or "Submit" while an autosave is still on its way would carry the version
//    number from before it, and be refused as stale: wait for the autosave to come back, then send.
// 2. If the login expires while the reviewer writes, the save sends them to the login page, and the
//    server keeps nothing for a visitor who is not logged in. So the text is kept here, in this tab's
//    sessionStorage (never sent anywhere), and put back in the form when the claim page comes back
//    after the login, with a notice that it is not saved yet.
// Text this script shows goes through gettext() / interpolate(): the page loads the JavaScript catalogue first.
(function () {
  "use strict";

  function storageKey(form) {
    return "factcheck:unsaved-verdict:" + (form.dataset.user || "") + ":" + form.dataset.claim;
  }

  function field(form, name) {
    return form.querySelector("[name='" + name + "']:not([type='radio'])");
  }

  function current(form) {
    var rating = form.querySelector("input[name='rating']:checked");
    var explanation = field(form, "explanation");
    var confidence = field(form, "confidence");
    var version = field(form, "version");
    return {
      rating: rating ? rating.value : "",
      explanation: explanation ? explanation.value : "",
      confidence: confidence ? confidence.value : "",
      version: version ? version.value : "",
    };
  }

  function sameText(a, b) {
    return a.rating === b.rating && a.explanation === b.explanation && a.confidence === b.confidence;
  }

  function read(form) {
    try {
      var stored = window.sessionStorage.getItem(storageKey(form));
      return stored ? JSON.parse(stored) : null;
    } catch (error) {
      return null;
    }
  }

  function remember(form) {
    try {
      window.sessionStorage.setItem(storageKey(form), JSON.stringify(current(form)));
    } catch (error) {
      // Storage full or disabled: the autosave still works, only this safety net is missing.
    }
  }

  function forget(form) {
    try {
      window.sessionStorage.removeItem(storageKey(form));
    } catch (error) {
      // Nothing to forget.
    }
  }

  function restore(form) {
    var stored = read(form);
    if (!stored) return;
    if (sameText(stored, current(form))) {
      forget(form); // the server has exactly this text: nothing was lost
      return;
    }
    form.querySelectorAll("input[name='rating']").forEach(function (radio) {
      radio.checked = radio.value === stored.rating;
    });
    var explanation = field(form, "explanation");
    if (explanation) explanation.value = stored.explanation;
    var confidence = field(form, "confidence");
    if (confidence) confidence.value = stored.confidence;
    // The version the text was written against: if someone saved since, saving shows their version
    // instead of overwriting it.
    var version = field(form, "version");
    if (version && stored.version) version.value = stored.version;
    var notice = document.getElementById("draft-restored");
    if (notice) notice.hidden = false;
  }

  function watch(form) {
    if (!form || form.dataset.watched) return;
    form.dataset.watched = "1";
    restore(form);
    form.addEventListener("input", function () {
      remember(form);
    });
    form.addEventListener("change", function () {
      remember(form);
    });
  }

  function verdictForm() {
    return document.getElementById("verdict-form");
  }

  document.addEventListener("DOMContentLoaded", function () {
    watch(verdictForm());
  });
  // The form also arrives by htmx ("Start the review" swaps the claim's main part).
  document.addEventListener("htmx:afterSettle", function () {
    var form = verdictForm();
    watch(form);
    // A save that came back moved the version on: keep the kept copy's version in step.
    if (form && read(form)) remember(form);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "verdict-form") return;
    remember(form);
    var autosave = form.querySelector("[hx-post]");
    if (!autosave || !autosave.classList.contains("htmx-request")) return;
    event.preventDefault();
    var submitter = event.submitter;
    autosave.addEventListener(
      "htmx:afterRequest",
      function () {
        form.requestSubmit(submitter || undefined);
      },
      { once: true }
    );
  });
})();
