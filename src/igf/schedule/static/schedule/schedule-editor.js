// The schedule editor, enhanced: drag a session onto a cell of the grid to move it there.
// Without this file every move is a form on the session's page; with it, a drop sends that
// same form (action "move", the room and the start time), and the server checks the hard
// constraints the same way: a refused move opens the session's page with the reasons.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var grid = document.querySelector("table[data-schedule-grid]");
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (!grid || !token || !("draggable" in grid)) { return; }
    document.querySelectorAll(".js-only").forEach(function (node) { node.hidden = false; });
    var dragged = null;
    document.querySelectorAll("a[data-move]").forEach(function (link) {
      link.draggable = true;
      link.addEventListener("dragstart", function (event) {
        dragged = link;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", link.href);
      });
      link.addEventListener("dragend", function () { dragged = null; });
    });
    grid.querySelectorAll("td[data-room]").forEach(function (cell) {
      cell.addEventListener("dragover", function (event) {
        if (!dragged) { return; }
        event.preventDefault();
        cell.classList.add("drop-target");
      });
      cell.addEventListener("dragleave", function () { cell.classList.remove("drop-target"); });
      cell.addEventListener("drop", function (event) {
        event.preventDefault();
        cell.classList.remove("drop-target");
        if (!dragged) { return; }
        var form = document.createElement("form");
        form.method = "post";
        form.action = dragged.href;
        var fields = {
          csrfmiddlewaretoken: token.value,
          action: "move",
          room: cell.getAttribute("data-room"),
          start: cell.getAttribute("data-start")
        };
        Object.keys(fields).forEach(function (name) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = fields[name];
          form.appendChild(input);
        });
        document.body.appendChild(form);
        form.submit();
      });
    });
  });
})();
