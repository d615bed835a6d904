// Netral portal: copy/print the receipt code, hide the no-JS region refresh button, clear kecamatan on a new
// province. No inline scripts anywhere (strict CSP); htmx swaps the region <option>s.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".no-js-only").forEach(function (el) { el.hidden = true; });
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.querySelector(button.getAttribute("data-copy"));
        var status = document.querySelector("[data-copy-status]");
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent.replace(/\s+/g, "")).then(function () {
          if (status) { status.textContent = "Kode disalin."; }
        });
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-clear]").forEach(function (select) {
      select.addEventListener("change", function () {
        var target = document.querySelector(select.getAttribute("data-clear"));
        if (target) { target.innerHTML = ""; target.appendChild(new Option("— pilih —", "")); }
      });
    });
  });
})();
