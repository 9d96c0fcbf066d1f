// The "copy" buttons of the calendar address page: copy the address shown in the input they name.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    button.addEventListener("click", async () => {
      const input = document.getElementById(button.dataset.copyTarget);
      input.select();
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        document.execCommand("copy"); // an intranet over plain http has no clipboard API
      }
      button.querySelector(".copy-done")?.classList.remove("d-none");
    });
  }
});
