// Behaviour shared by every page. No inline scripts: the Content-Security-Policy forbids them.
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
