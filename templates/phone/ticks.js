// Keeps the checklist's ticks on this device (localStorage, one key per sheet: the scenario,
// carrier and language codes, nothing personal). Without it the page works the same; the
// ticks are then simply not kept.
(function () {
  "use strict";
  var key = document.body.getAttribute("data-storage-key");
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch (error) {
    return;
  }
  var saved = {};
  try {
    saved = JSON.parse(store.getItem(key) || "{}") || {};
  } catch (error) {
    saved = {};
  }
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-tick]"));
  function save() {
    var state = {};
    boxes.forEach(function (box) {
      if (box.checked) { state[box.getAttribute("data-tick")] = 1; }
    });
    try { store.setItem(key, JSON.stringify(state)); } catch (error) { /* full or refused */ }
  }
  boxes.forEach(function (box) {
    box.checked = saved[box.getAttribute("data-tick")] === 1;
    box.addEventListener("change", save);
  });
})();
