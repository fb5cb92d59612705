// Portcullis console: small progressive enhancements; every page works without this file.
// No eval, no inline handlers (CSP script-src 'self').
(function () {
  "use strict";
  // After an htmx swap, keep keyboard users where they were: nothing to do for polling fragments,
  // but a swapped form error gets focus so it is announced.
  document.addEventListener("htmx:afterSwap", function (e) {
    var err = e.detail && e.detail.target && e.detail.target.querySelector && e.detail.target.querySelector("[aria-invalid=true]");
    if (err) err.focus();
  });
})();
