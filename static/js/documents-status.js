// The admin's document list: while a preview is being made, ask the server for
// its status every few seconds and update the row in place.
(function () {
  "use strict";
  var POLL_MS = 2000;
  var WAITING = { pending: true, processing: true };

  function waitingRows(table) {
    return Array.prototype.filter.call(
      table.querySelectorAll("tr[data-document-id]"),
      function (row) { return WAITING[row.getAttribute("data-status")]; }
    );
  }

  function showThumbnail(row, url) {
    var cell = row.querySelector(".preview-cell");
    var img = document.createElement("img");
    img.src = url;
    img.alt = "";
    img.className = "thumb thumb-small";
    cell.textContent = "";
    cell.appendChild(img);
  }

  function update(row, state) {
    var badge = row.querySelector("[data-role=status]");
    row.setAttribute("data-status", state.status);
    badge.textContent = state.label;
    badge.className = "badge badge-" + (state.badge || state.status);
    var failed = state.status === "failed";
    var failure = row.querySelector("[data-role=failure]");
    failure.textContent = state.failure;
    failure.hidden = !failed;
    row.querySelector("[data-role=retry]").hidden = !failed;
    if (state.thumbnail) { showThumbnail(row, state.thumbnail); }
  }

  function poll(table) {
    var rows = waitingRows(table);
    if (!rows.length) { return; }
    var ids = rows.map(function (row) { return row.getAttribute("data-document-id"); });
    var url = new URL(table.getAttribute("data-status-url"), window.location.href);
    url.searchParams.set("ids", ids.join(","));
    fetch(url.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (states) {
        rows.forEach(function (row) {
          var state = states[row.getAttribute("data-document-id")];
          if (state && state.status !== row.getAttribute("data-status")) { update(row, state); }
        });
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ })
      .then(function () { window.setTimeout(function () { poll(table); }, POLL_MS); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.querySelector("table[data-status-url]");
    if (table) { window.setTimeout(function () { poll(table); }, POLL_MS); }
  });
})();
