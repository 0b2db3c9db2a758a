// Progressive enhancement only: every page works without this file.
(() => {
  // Copy buttons: rendered hidden (they need JavaScript); the text they copy is always visible on the page.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const status = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        if (status) status.textContent = "Copied to the clipboard.";
      } catch {
        if (status) status.textContent = "Copying is not allowed here; select the text and copy it.";
      }
    });
  }
})();
