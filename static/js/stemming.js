/* Progressive enhancement of the stemming form: a live count of voor and tegen while the clerk chooses.
   The form works fully without this script; the server derives the result from the same choices. */
(function () {
  "use strict";
  var formulier = document.querySelector("[data-stemming-formulier]");
  if (!formulier) { return; }
  var telling = formulier.querySelector("[data-telling]");
  if (!telling) { return; }

  function gekozen(container) {
    var radio = container.querySelector("input[type=radio]:checked");
    return radio ? radio.value : "";
  }

  function tel() {
    var voor = 0, tegen = 0, open = 0;
    formulier.querySelectorAll(".stemming-fractie").forEach(function (fractie) {
      var fractieKeuze = gekozen(fractie.querySelector("[data-fractie]"));
      fractie.querySelectorAll("[data-lid]").forEach(function (lid) {
        var keuze = gekozen(lid) || "fractie";
        if (keuze === "fractie") { keuze = fractieKeuze; }
        if (keuze === "voor") { voor += 1; } else if (keuze === "tegen") { tegen += 1; } else if (keuze !== "afwezig") { open += 1; }
      });
    });
    telling.textContent = "Tot nu toe: " + voor + " voor, " + tegen + " tegen" + (open ? ", " + open + " nog te kiezen." : ".");
  }

  formulier.addEventListener("change", tel);
  tel();
})();
