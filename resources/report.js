
// Keyboard navigation: n or j jumps to the next difference, p or k to the previous (anchors #d1, #d2, ...).
// On a phone the file table, the legend and the summary fold away, so that the first difference is on the first
// screen; they open again to print. Without this script they all stay open.
(function () {
  "use strict";
  var keys = document.getElementById("keys");
  if (keys) {
    keys.hidden = false;
  }
  var folds = document.querySelectorAll("details.fold");
  // The width below which report.css lays the page out for a phone.
  if (window.matchMedia("(max-width: 640px)").matches) {
    folds.forEach(function (fold) { fold.open = false; });
  }
  window.addEventListener("beforeprint", function () {
    folds.forEach(function (fold) { fold.open = true; });
  });
  var total = document.querySelectorAll(".s[id]").length;

  function current() {
    var match = /^#d(\d+)$/.exec(window.location.hash);
    if (match && document.getElementById("d" + match[1])) {
      return Number(match[1]);
    }
    // No difference chosen yet: start from the last one above the top of the window.
    var found = 0;
    for (var n = 1; n <= total; n++) {
      if (document.getElementById("d" + n).getBoundingClientRect().top >= 1) {
        break;
      }
      found = n;
    }
    return found;
  }

  function step(key) {
    switch (key) {
      case "n": case "j": return 1;
      case "p": case "k": return -1;
      default: return 0;
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || total === 0) {
      return;
    }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var delta = step(event.key);
    if (delta === 0) {
      return;
    }
    event.preventDefault();
    window.location.hash = "#d" + Math.min(Math.max(current() + delta, 1), total);
  });
})();
