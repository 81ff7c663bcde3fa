// Enhancement only: the form refuses a text over its limit on the server, keeping it.
// Under each text with a limit (igf.core.forms.count_not_cut), a live count of its
// characters, in the page's language (the wording comes from the field's data attributes).
(function () {
  "use strict";
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
    document.querySelectorAll("[data-limit]").forEach(function (field) {
      var limit = parseInt(field.getAttribute("data-limit"), 10);
      if (!limit || !field.id) { return; }
      var count = document.createElement("p");
      count.className = "char-count";
      count.id = field.id + "_count";
      count.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", count);
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
      var timer = null;
      function update() {
        // Counted as the server counts: code points, and a new line sent as two characters.
        var length = Array.from(field.value.replace(/\r?\n/g, "\r\n")).length;
        var over = length - limit;
        count.textContent = format(field.getAttribute(over > 0 ? "data-over" : "data-count"), {
          count: numbers.format(length), limit: numbers.format(limit), over: numbers.format(over)
        });
        count.classList.toggle("over", over > 0);
      }
      field.addEventListener("input", function () {
        // Screen readers hear the count once typing pauses, not at every key.
        window.clearTimeout(timer);
        timer = window.setTimeout(update, 400);
      });
      update();
    });
  });
})();
