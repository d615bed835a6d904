// Monitor pages: select-all in the alert queue; the region field only for region watch terms. No inline scripts (CSP).
document.addEventListener("change", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (target.hasAttribute("data-select-alerts")) {
    document.querySelectorAll('input[name="alert"]').forEach((box) => { box.checked = target.checked; });
  }
  if (target.id === "id_kind" && target.closest("[data-watch-form]")) showRegionField(target.value);
});

function showRegionField(kind) {
  document.querySelectorAll("[data-watch-region]").forEach((el) => { el.hidden = kind !== "wilayah"; });
}

document.addEventListener("DOMContentLoaded", () => {
  const kind = document.querySelector("[data-watch-form] #id_kind");
  if (kind) showRegionField(kind.value);
});
