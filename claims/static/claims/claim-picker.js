// Turns a selection in the article into exact offsets into the stored body, for the claim form.
// Offsets count Unicode code points, as Python does; the server re-checks them.
// Text this script shows goes through gettext() / interpolate(): the page loads the JavaScript catalogue first.
(function () {
  "use strict";

  function bodyText() {
    var node = document.getElementById("article-text");
    return node ? Array.from(JSON.parse(node.textContent)) : null;
  }

  function segments(container) {
    return Array.prototype.slice.call(container.querySelectorAll("[data-start]"));
  }

  // The body offset of a DOM boundary point (node, offset).
  function offsetOf(container, node, offset, chars) {
    if (node.nodeType === Node.TEXT_NODE && container.contains(node)) {
      var seg = node.parentElement.closest("[data-start]");
      if (seg) {
        return Number(seg.dataset.start) + Array.from(node.data.slice(0, offset)).length;
      }
    }
    // A boundary between elements (or outside the article): the next segment starts here.
    var point = document.createRange();
    point.setStart(node, offset);
    var segs = segments(container);
    for (var i = 0; i < segs.length; i++) {
      if (point.comparePoint(segs[i], 0) >= 0) {
        return Number(segs[i].dataset.start);
      }
    }
    return chars.length;
  }

  function pick() {
    var container = document.getElementById("article-body");
    var form = document.getElementById("claim-form");
    var selection = window.getSelection();
    if (!container || !form || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!range.intersectsNode(container)) {
      return;
    }
    var chars = bodyText();
    if (!chars) {
      return;
    }
    var start = offsetOf(container, range.startContainer, range.startOffset, chars);
    var end = offsetOf(container, range.endContainer, range.endOffset, chars);
    while (start < end && /\s/.test(chars[start])) start++;
    while (end > start && /\s/.test(chars[end - 1])) end--;
    if (end <= start) {
      return;
    }
    form.querySelector("[name=span_start]").value = start;
    form.querySelector("[name=span_end]").value = end;
    form.querySelector("[name=quote]").value = chars.slice(start, end).join("");
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(pick, 120);
  });
  document.addEventListener("mouseup", pick);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) pick();
  });
  // Typed or pasted words are found by the server; stale offsets must not override them.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.name === "quote" && target.form && target.form.id === "claim-form") {
      target.form.querySelector("[name=span_start]").value = "";
      target.form.querySelector("[name=span_end]").value = "";
    }
  });
})();
