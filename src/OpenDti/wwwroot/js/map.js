// The map page: pointing at or focusing a province shows its score in the status line beside the map,
// and changing the year or score redraws the map at once. Without this script the squares' titles
// and the Show button do the same.
(() => {
  "use strict";

  const detail = document.getElementById("map-detail");
  if (detail) {
    const show = (event) => {
      const tile = event.target.closest ? event.target.closest("[data-detail]") : null;
      if (tile) {
        detail.textContent = tile.getAttribute("data-detail");
      }
    };
    document.querySelectorAll(".tile-map [data-detail]").forEach((tile) => {
      tile.addEventListener("mouseenter", show);
      tile.addEventListener("focus", show);
    });
  }

  document.querySelectorAll("form[data-auto-submit] select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
})();
