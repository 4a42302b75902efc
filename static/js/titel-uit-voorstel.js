/* Choosing a raadsvoorstel for an agenda item fills the item's title with the voorstel's title.
   Progressive enhancement: without JavaScript the server takes the voorstel's title for an empty one.
   A title the clerk typed is never overwritten. No inline script: loaded as a static file (CSP). */
(function () {
  "use strict";
  document.querySelectorAll("select[data-vult-titel]").forEach(function (keuze) {
    var titel = document.getElementById(keuze.getAttribute("data-vult-titel"));
    if (!titel) {
      return;
    }
    var gevuld = "";
    keuze.addEventListener("change", function () {
      var optie = keuze.options[keuze.selectedIndex];
      var nieuw = optie ? optie.getAttribute("data-titel") || "" : "";
      if (titel.value.trim() === "" || titel.value === gevuld) {
        titel.value = nieuw;
        gevuld = nieuw;
      }
    });
  });
})();
