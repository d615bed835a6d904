// Case pages: select-all in the inbox and the fields of the chosen bulk action. No inline scripts (CSP).
document.addEventListener("change", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (target.hasAttribute("data-select-all")) {
    document.querySelectorAll('input[name="case"]').forEach((box) => { box.checked = target.checked; });
  }
  if (target.id === "bulk-action") showBulkFields(target.value);
});

function showBulkFields(action) {
  document.querySelectorAll("[data-bulk]").forEach((el) => {
    el.hidden = el.getAttribute("data-bulk") !== action;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const select = document.getElementById("bulk-action");
  if (select) showBulkFields(select.value);
});
