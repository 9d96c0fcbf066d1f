// The print page's button: the browser's print dialogue, where "Save as PDF" makes the PDF.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("print-page");
  if (button) button.addEventListener("click", () => window.print());
});
