// Progressive enhancement only: every page works without this file.
(() => {
  // The printable codebook's button: hidden without JavaScript, where the page says to use the browser's Print command.
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }

  // Copy buttons: rendered hidden (they need JavaScript); the text they copy is always visible on the page.
  // A button with data-copy-html copies rich text too, so that a citation's italics survive pasting.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    let status = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    if (!status) {
      status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.after(status);
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        const html = button.dataset.copyHtml;
        if (html && window.ClipboardItem) {
          await navigator.clipboard.write([new ClipboardItem({
            "text/plain": new Blob([button.dataset.copy], { type: "text/plain" }),
            "text/html": new Blob([html], { type: "text/html" }),
          })]);
        } else {
          await navigator.clipboard.writeText(button.dataset.copy);
        }
        status.textContent = "Copied to the clipboard.";
      } catch {
        status.textContent = "Copying is not allowed here; select the text and copy it.";
      }
    });
  }
})();
