// Enhancement only: every page works without this file.
// Offer the browser's time zone on the time-zone and profile forms when none is chosen yet.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) { return; }
    document.querySelectorAll("select[data-offer-browser-zone]").forEach(function (select) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (!option) { return; }
      if (!select.value || select.value === "UTC") {
        select.value = zone;
        var note = document.getElementById(select.id + "_browser");
        if (note) { note.hidden = false; note.querySelector("[data-zone]").textContent = zone; }
      }
    });
  });
})();
