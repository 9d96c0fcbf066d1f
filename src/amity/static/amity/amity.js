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
  // Tree: each branch's toggle button shows or hides the list it controls; the toolbar's
  // buttons expand or collapse every branch at once.
  const setBranch = (toggle, open) => {
    toggle.setAttribute("aria-expanded", String(open));
    document.getElementById(toggle.getAttribute("aria-controls")).hidden = !open;
  };
  for (const toggle of document.querySelectorAll(".tree .tree-toggle")) {
    toggle.addEventListener("click", () => {
      setBranch(toggle, toggle.getAttribute("aria-expanded") !== "true");
    });
  }
  for (const button of document.querySelectorAll("[data-tree-toggle]")) {
    button.addEventListener("click", () => {
      const open = button.dataset.treeToggle === "open";
      for (const toggle of document.querySelectorAll(".tree .tree-toggle")) setBranch(toggle, open);
    });
  }
  // A list's filter panel: shown beside the results on a laptop and hidden above them on a
  // phone (by the stylesheet), then as the button last set it.
  for (const button of document.querySelectorAll("[data-filters-toggle]")) {
    const panel = document.getElementById(button.getAttribute("aria-controls"));
    const layout = panel.closest(".list-layout");
    const shown = () => window.getComputedStyle(panel).display !== "none";
    button.setAttribute("aria-expanded", String(shown()));
    button.addEventListener("click", () => {
      const open = !shown();
      layout.classList.toggle("filters-open", open);
      layout.classList.toggle("filters-closed", !open);
      button.setAttribute("aria-expanded", String(open));
      if (open) panel.querySelector("input, select, textarea")?.focus();
    });
  }
  // Confirmation for buttons that write something irreversible-looking.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
});

// The search box of the navigation: "/" (outside a field) or Ctrl+K / ⌘K focuses it; where the
// menu is folded (a phone), the search page opens instead.
document.addEventListener("keydown", (event) => {
  const box = document.getElementById("nav-search");
  if (!box) return;
  const target = event.target;
  const typing =
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  const slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
  if (!slash && !commandK) return;
  event.preventDefault();
  if (box.offsetParent === null) {
    window.location.href = box.form.action;
    return;
  }
  box.focus();
  box.select();
});
