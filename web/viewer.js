// The document viewer: pdf.js (vendored in vendor/pdfjs, no outside resources) draws the cited page and its text
// layer, and the quoted sentence is highlighted on it. The quote is found as `verify` finds it on the server:
// letters and digits only, case-folded, so line breaks, hyphenation ("kommu-" / "nal") and spacing do not matter.
"use strict";

const viewer = (() => {
  const PDFJS = "/vendor/pdfjs/";
  const ZOOMS = [0.6, 0.8, 1, 1.25, 1.5, 2];
  const current = { documentId: "", page: 1, pages: 0, highlight: "", zoom: 2, pdf: null, task: null };
  let library = null;
  const $ = (id) => document.getElementById(id);

  async function pdfjs() {
    if (!library) {
      library = await import(`${PDFJS}pdf.min.mjs`);
      library.GlobalWorkerOptions.workerSrc = `${PDFJS}pdf.worker.min.mjs`;
    }
    return library;
  }

  // Characters of `text` that count for matching, with the index each came from.
  function folded(text) {
    const chars = [];
    const origin = [];
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i].toLocaleLowerCase("da");
      if (/[\p{L}\p{N}]/u.test(c)) {
        chars.push(c);
        origin.push(i);
      }
    }
    return { text: chars.join(""), origin };
  }

  // The spans of the text layer that hold `quote` (or the longest start of it found on the page).
  function spansFor(spans, quote) {
    const texts = spans.map((span) => span.textContent);
    const joined = folded(texts.join("\u0000"));
    const owner = [];
    texts.forEach((text, index) => { for (let i = 0; i <= text.length; i += 1) owner.push(index); });
    const wanted = folded(quote).text;
    for (let length = wanted.length; length >= Math.min(24, wanted.length); length = Math.floor(length * 0.8)) {
      const at = joined.text.indexOf(wanted.slice(0, length));
      if (at >= 0 && length > 0) {
        const first = owner[joined.origin[at]];
        const last = owner[joined.origin[at + length - 1]];
        return spans.slice(first, last + 1);
      }
      if (length === 0) break;
    }
    return [];
  }

  function setStatus(text) { $("viewer-status").textContent = text; }

  function shareUrl() {
    const params = new URLSearchParams({ doc: current.documentId, page: String(current.page) });
    if (current.highlight) params.set("hl", current.highlight);
    return `/?${params}`;
  }

  async function render() {
    const { TextLayer } = await pdfjs();
    const page = await current.pdf.getPage(current.page);
    const scale = ZOOMS[current.zoom] * (($("viewer").clientWidth || 600) - 4) / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const container = $("viewer-page-box");
    container.style.setProperty("--scale-factor", String(scale));
    container.style.setProperty("--total-scale-factor", String(scale));
    container.style.setProperty("--scale-round-x", "1px");
    container.style.setProperty("--scale-round-y", "1px");
    container.style.width = `${Math.floor(viewport.width)}px`;
    container.style.height = `${Math.floor(viewport.height)}px`;
    const canvas = $("viewer-canvas");
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    if (current.task) current.task.cancel();
    current.task = page.render({
      canvas, canvasContext: canvas.getContext("2d"), viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    });
    const layer = $("viewer-text");
    layer.replaceChildren();
    const textLayer = new TextLayer({ textContentSource: await page.getTextContent(), container: layer, viewport });
    await textLayer.render();
    try { await current.task.promise; } catch (error) { if (error.name !== "RenderingCancelledException") throw error; }
    $("viewer-page").value = String(current.page);
    $("viewer-pages").textContent = `af ${current.pages}`;
    $("viewer-prev").disabled = current.page <= 1;
    $("viewer-next").disabled = current.page >= current.pages;
    $("viewer-share").href = shareUrl();
    mark(textLayer.textDivs);
  }

  function mark(spans) {
    if (!current.highlight) { setStatus(`Side ${current.page} af ${current.pages}.`); return; }
    const found = spansFor(spans, current.highlight);
    found.forEach((span) => span.classList.add("highlight"));
    if (found.length) {
      found[0].scrollIntoView({ block: "center" });
      setStatus(`Side ${current.page}: det citerede er markeret.`);
    } else {
      setStatus(`Side ${current.page}: citatet blev ikke fundet på denne side.`);
    }
  }

  async function open({ documentId, page = 1, highlight = "", caption = "" }) {
    $("pdf-panel").hidden = false;
    $("pdf-caption").textContent = caption;
    const original = `/api/documents/${encodeURIComponent(documentId)}/pdf#page=${page}`;
    $("pdf-newtab").href = original;
    $("document-link").href = `/?document=${encodeURIComponent(documentId)}`;
    setStatus("Henter PDF'en …");
    try {
      if (current.documentId !== documentId || !current.pdf) {
        const { getDocument } = await pdfjs();
        current.pdf = await getDocument({
          url: `/api/documents/${encodeURIComponent(documentId)}/pdf`,
          standardFontDataUrl: `${PDFJS}standard_fonts/`,
          isEvalSupported: false,
        }).promise;
        current.documentId = documentId;
        current.pages = current.pdf.numPages;
      }
      current.page = Math.min(Math.max(1, Number(page) || 1), current.pages);
      current.highlight = highlight;
      await render();
    } catch (error) {
      setStatus(`PDF'en kunne ikke vises (${error.message}). Brug linket til den originale PDF.`);
    }
    if (window.matchMedia("(max-width: 800px)").matches) $("pdf-panel").scrollIntoView({ behavior: "smooth" });
  }

  function go(page) {
    if (!current.pdf) return;
    const target = Math.min(Math.max(1, page), current.pages);
    if (target === current.page) return;
    current.page = target;
    // Another page than the cited one: the highlight belongs to the cited page only.
    current.highlight = "";
    render();
  }

  function zoom(step) {
    if (!current.pdf) return;
    current.zoom = Math.min(Math.max(0, current.zoom + step), ZOOMS.length - 1);
    render();
  }

  function wire() {
    $("viewer-prev").addEventListener("click", () => go(current.page - 1));
    $("viewer-next").addEventListener("click", () => go(current.page + 1));
    $("viewer-zoom-in").addEventListener("click", () => zoom(1));
    $("viewer-zoom-out").addEventListener("click", () => zoom(-1));
    $("viewer-page").addEventListener("change", (event) => go(Number(event.target.value)));
    $("viewer").addEventListener("keydown", (event) => {
      if (event.key === "PageDown" || event.key === "ArrowRight") { go(current.page + 1); event.preventDefault(); }
      if (event.key === "PageUp" || event.key === "ArrowLeft") { go(current.page - 1); event.preventDefault(); }
    });
  }

  return { open, wire };
})();
