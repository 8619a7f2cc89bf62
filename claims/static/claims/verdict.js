// The verdict form saves itself as the reviewer types (htmx). A click on "Save draft" or "Submit"
// while an autosave is still on its way would carry the version number from before it, and be
// refused as stale: wait for the autosave to come back, then send the form.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "verdict-form") return;
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
