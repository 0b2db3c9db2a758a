// The host page's half of an embed from the Testimonies archive: the page includes
//   <iframe src="https://<archive>/s/<id>/embed" data-testimonies-embed ...></iframe>
//   <script src="https://<archive>/js/embed.js" async></script>
// and this sets each such frame's height to the height its content reports (js/embed-frame.js inside the frame).
// A message counts only from the frame it names (event.source) and from that frame's own origin.
(() => {
  const heightType = "testimonies-embed-height";
  const frames = () => Array.from(document.querySelectorAll("iframe[data-testimonies-embed]"));
  const originOf = (frame) => {
    try { return new URL(frame.src, document.baseURI).origin; } catch { return null; }
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== heightType || typeof data.height !== "number" || !Number.isFinite(data.height)) return;
    const frame = frames().find((candidate) => candidate.contentWindow === event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    // Bounded: a frame cannot make itself vanish or grow without end.
    const height = Math.min(Math.max(Math.ceil(data.height), 80), 20000);
    frame.setAttribute("height", String(height));
    frame.style.height = height + "px";
  });
  // Frames that loaded before this script did have already spoken: ask them again.
  const ask = () => {
    for (const frame of frames()) {
      const origin = originOf(frame);
      if (origin && frame.contentWindow) frame.contentWindow.postMessage({ type: "testimonies-embed-ask" }, origin);
    }
  };
  // Asked once every frame has loaded (the window's load waits for them): a frame still on about:blank has another
  // origin than its src, and the browser warns of a message sent to it.
  if (document.readyState === "complete") ask(); else window.addEventListener("load", ask);
  for (const frame of frames()) frame.addEventListener("load", ask);
})();
