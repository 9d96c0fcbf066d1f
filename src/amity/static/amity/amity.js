// Behaviour shared by every page. No inline scripts: the Content-Security-Policy forbids them.

// The form controls (searchable selects, the date picker) and their libraries, loaded only on
// pages that have such fields; the files sit beside this one under the static address.
const STATIC_ROOT = document.currentScript.src.replace(/amity\/amity\.js(\?.*)?$/, "");
document.addEventListener("DOMContentLoaded", () => {
  const files = [];
  if (document.querySelector("select[data-searchable]")) {
    files.push("vendor/tom-select/tom-select.bootstrap5.min.css");
    files.push("vendor/tom-select/tom-select.complete.min.js");
  }
  if (document.querySelector("input[data-datepicker]")) {
    files.push("vendor/flatpickr/flatpickr.min.css", "vendor/flatpickr/flatpickr.min.js");
    files.push("vendor/flatpickr/l10n/vn.js");
  }
  if (!files.length) return;
  files.push("amity/widgets.js");
  for (const file of files) {
    if (file.endsWith(".css")) {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet" });
      link.href = STATIC_ROOT + file;
      document.head.append(link);
    } else {
      // async = false: inserted scripts then run in the order they were added.
      const script = Object.assign(document.createElement("script"), { async: false });
      script.src = STATIC_ROOT + file;
      document.body.append(script);
    }
  }
});
document.addEventListener("DOMContentLoaded", () => {
  // Keep the current query string when switching language, so the page stays where it was.
  for (const link of document.querySelectorAll("#lang-vi, #lang-en")) {
    const params = new URLSearchParams(window.location.search);
    params.set("lang", link.id === "lang-en" ? "en" : "vi");
    link.href = `${window.location.pathname}?${params.toString()}`;
  }
  // Tree: expand or collapse every branch at once.
  for (const button of document.querySelectorAll("[data-tree-toggle]")) {
    button.addEventListener("click", () => {
      const open = button.dataset.treeToggle === "open";
      for (const details of document.querySelectorAll(".tree details")) details.open = open;
    });
  }
  // Confirmation for buttons that write something irreversible-looking.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
});
