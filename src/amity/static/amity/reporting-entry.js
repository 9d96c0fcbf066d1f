// The data-entry page: totals computed as one types, and each field saved as one leaves it.
// No inline scripts (the Content-Security-Policy forbids them); htmx posts each field.
(() => {
  // A number as typed in Vietnamese or English: 1.234,5 or 1,234.5 or 1234.5.
  const parseNumber = (text) => {
    let value = String(text || "").replace(/[\s\u00a0]/g, "");
    if (!value) return null;
    if (value.includes(",") && value.includes(".")) {
      const decimal = value.lastIndexOf(",") > value.lastIndexOf(".") ? "," : ".";
      value = value.split(decimal === "," ? "." : ",").join("").replace(decimal, ".");
    } else if (value.includes(",")) {
      value = /^-?\d{1,3}(,\d{3})+$/.test(value) ? value.split(",").join("") : value.replace(",", ".");
    } else if (/^-?\d{1,3}(\.\d{3})+$/.test(value)) {
      value = value.split(".").join("");
    }
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  };

  const recomputeTotals = (form) => {
    for (const total of form.querySelectorAll("[data-total-of]")) {
      let sum = 0;
      let any = false;
      for (const code of total.dataset.totalOf.split(",").map((part) => part.trim())) {
        const input = form.querySelector(`[data-code="${CSS.escape(code)}"]`);
        const number = input ? parseNumber(input.value) : null;
        if (number !== null) {
          sum += number;
          any = true;
        }
      }
      total.value = any ? String(Math.round(sum * 10000) / 10000) : "";
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("entry-form");
    if (!form) return;
    recomputeTotals(form);
    form.addEventListener("input", () => recomputeTotals(form));
    const status = document.getElementById("autosave-status");
    document.body.addEventListener("htmx:afterSwap", () => recomputeTotals(form));
    document.body.addEventListener("htmx:sendError", () => {
      if (status) status.textContent = status.dataset.offline || "⚠";
    });
    const submit = form.querySelector("[data-confirm-submit]");
    if (submit) {
      submit.addEventListener("click", (event) => {
        if (!window.confirm(submit.dataset.confirmSubmit)) event.preventDefault();
      });
    }
  });
})();
