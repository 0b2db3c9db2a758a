// Loaded by the archive's embed pages (/s/{id}/embed, and any other page made to be framed): tells the page that frames
// this one how tall its content is, so that js/embed.js on that page can give the frame the height that shows all of it
// (the attribution and the link back included) at any width. Without it, or without embed.js, the frame keeps its height.
(() => {
  if (window.parent === window) return;
  const type = "testimonies-embed-height";
  let sent = 0;
  const send = (force) => {
    // The content's own height, not the frame's: a frame taller than its content would otherwise never shrink.
    // The root element's box holds the body's margins and its children's (it is a block formatting context).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === sent) return;
    sent = height;
    // The height is no secret: any page may read it, so no target origin is needed.
    window.parent.postMessage({ type, height }, "*");
  };
  window.addEventListener("load", () => send(true));
  if ("ResizeObserver" in window) new ResizeObserver(() => send(false)).observe(document.body);
  else window.addEventListener("resize", () => send(false));
  // embed.js loads async and may start after the first message: it asks again, and is answered.
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data && event.data.type === "testimonies-embed-ask") send(true);
  });
})();
