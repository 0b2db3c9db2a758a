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

/* Quote sets: "Add to set" without leaving the page. The set being built is the same cookie /sets/add writes without
   JavaScript (Pages/Sets/DraftSet.cs), so /sets/draft shows it either way; a live region says how many it holds, the
   menu's "Sets" link carries the count, and a statement already in the set says so on its button. */
(() => {
  const forms = document.querySelectorAll("form.add-to-set");
  const name = "testimonies-set";
  const max = 50;
  const read = () => {
    const cookie = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    if (!cookie) return [];
    return decodeURIComponent(cookie.slice(name.length + 1)).split(",").filter((id) => /^[a-z0-9][a-z0-9._-]{0,39}$/.test(id));
  };
  const write = (ids) => {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${name}=${encodeURIComponent(ids.join(","))}; path=/; max-age=7776000; samesite=lax${secure}`;
  };
  const menuLink = document.querySelector('.site-header nav a[href="/sets"]');
  const mark = () => {
    const ids = read();
    if (menuLink) menuLink.textContent = ids.length > 0 ? `Sets (${ids.length})` : "Sets";
    for (const form of forms) {
      const id = form.querySelector("input[name=id]")?.value;
      const button = form.querySelector("button");
      if (!id || !button) continue;
      const inSet = ids.includes(id);
      button.classList.toggle("added", inSet);
      button.textContent = inSet ? "In your set ✓" : "Add to set";
    }
  };
  mark();
  if (forms.length === 0) return;
  const status = document.createElement("p");
  status.className = "set-count";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const main = document.querySelector("main") || document.body;
  main.append(status);
  const show = (message) => {
    const count = read().length;
    status.replaceChildren(`${message} ${count} in your set. `);
    const link = document.createElement("a");
    link.href = "/sets/draft";
    link.textContent = "Open your set";
    status.append(link);
  };
  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      const id = form.querySelector("input[name=id]")?.value;
      if (!id) return;
      event.preventDefault();
      const ids = read();
      if (ids.includes(id)) show(`Statement ${id} is in your set already.`);
      else if (ids.length >= max) show(`Your set holds ${max} statements, as many as a set may.`);
      else {
        ids.push(id);
        write(ids);
        show(`Statement ${id} added.`);
      }
      mark();
    });
  }
})();
