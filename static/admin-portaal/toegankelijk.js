/* Accessibility fixes for widgets the admin builds in the browser (axe: label, aria-prohibited-attr, list).
   - select2 (autocomplete fields): its search box gets the label of the field it belongs to; the clear
     button inside a multiple selection's list is moved out of the <ul>, which may only hold <li>.
   - SelectFilter (filter_horizontal): the magnifier icon is decoration; its aria-label (not allowed on a
     <span> without a role) goes, the input it belongs to keeps its own label.
   Runs again whenever the admin adds or rebuilds such a widget. */
(function () {
  "use strict";

  function labelVoor(element) {
    var container = element.closest(".select2-container");
    var select = container && container.previousElementSibling;
    if (select && select.id) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      if (label && label.textContent.trim()) {
        return label.textContent.trim().replace(/:$/, "");
      }
    }
    return "Zoeken";
  }

  function herstel(root) {
    root.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (veld) {
      veld.setAttribute("aria-label", labelVoor(veld) + " (zoeken)");
    });
    root.querySelectorAll("ul.select2-selection__rendered > span.select2-selection__clear").forEach(function (knop) {
      var lijst = knop.parentNode;
      lijst.parentNode.insertBefore(knop, lijst);
    });
    root.querySelectorAll(".help-tooltip.search-label-icon[aria-label]").forEach(function (icoon) {
      icoon.removeAttribute("aria-label");
      icoon.setAttribute("aria-hidden", "true");
    });
  }

  function start() {
    herstel(document);
    new MutationObserver(function () {
      herstel(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
