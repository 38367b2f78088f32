// referat chat page: plain JavaScript, no build step, no outside resources.
"use strict";

const state = { history: [], adminKey: sessionStorage.getItem("referat-admin-key") || "" };
const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

function danishDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return `${day}-${month}-${year}`;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const message = payload && payload.error ? payload.error.message : `Fejl ${response.status}`;
    throw new Error(message);
  }
  return payload;
}

function describe(source) {
  const parts = [source.body, danishDate(source.meeting_date)].filter(Boolean).join(" ");
  const item = source.agenda_item ? `, punkt ${source.agenda_item}` : "";
  const kase = source.case_number ? ` (${source.case_number})` : "";
  // A document without an agenda (an attachment) is cited by the printed heading the quote stands under.
  const heading = !source.body && source.section && source.section !== source.title ? `, afsnit »${source.section}«` : "";
  return `${parts || source.document || source.file_name}${item}${kase}${heading}`;
}

// Every source opens in the viewer (viewer.js) at its page, the quote highlighted when there is one.
function openSource(documentId, page, highlight, caption) {
  viewer.open({ documentId, page, highlight, caption });
}

async function copyReference(citation, button) {
  try {
    await navigator.clipboard.writeText(citation.reference);
    button.textContent = "Kopieret";
  } catch (error) {
    button.textContent = "Kunne ikke kopiere";
    window.prompt("Kopiér kildehenvisningen:", citation.reference);
  }
  setTimeout(() => { button.textContent = "Kopiér kildehenvisning"; }, 2500);
}

// The same words as the CLI (retrieval.domain.OCR_NOTE): a quote read from a scan is checked against the PDF.
const OCR_NOTE = "(OCR — tjek mod originalen)";

function citationItem(citation) {
  const pages = citation.pages.join(", ");
  const label = `[${citation.n}] ${describe(citation)}, s. ${pages}`;
  const link = element(
    "button",
    { type: "button", class: "citation-link", "data-pdf-url": citation.pdf_url, "data-viewer-url": citation.viewer_url,
      onclick: () => openSource(citation.document_id, citation.pages[0] || 1, citation.snippet, `${label}: »${citation.title}«`) },
    element("span", { class: "citation-meta" }, label),
    ` »${citation.title}«`,
  );
  const copy = element("button", { type: "button", class: "secondary copy-reference",
    "aria-label": `Kopiér kildehenvisning ${citation.n}`, onclick: (event) => copyReference(citation, event.currentTarget) },
  "Kopiér kildehenvisning");
  const items = element("a", { class: "document-link", href: `/?document=${encodeURIComponent(citation.document_id)}` },
    "Mødets punkter");
  const ocr = citation.ocr
    ? element("span", { class: "ocr-note", title: "Teksten er læst med OCR fra en scannet side" }, OCR_NOTE)
    : "";
  return element("li", {}, link, element("span", { class: "snippet" }, `“${citation.snippet}”`), ocr,
    element("span", { class: "citation-actions" }, copy, " ", items));
}

// An answer across meetings: one row per meeting, oldest first, each with the citation of its decision and, when
// the decision is bare ("Godkendt", "Taget til efterretning"), what it refers to.
function timeline(answer) {
  const byNumber = new Map(answer.citations.map((citation) => [citation.n, citation]));
  const rows = answer.timeline.map((entry) => {
    const item = entry.agenda_item ? `, punkt ${entry.agenda_item}` : "";
    const label = `${danishDate(entry.meeting_date)} · ${entry.body}${item}`;
    const source = (citation, lead, extra) => citation
      ? element("button", { type: "button", class: `citation-link ${extra}`, "data-pdf-url": citation.pdf_url,
        onclick: () => openSource(citation.document_id, citation.pages[0] || 1, citation.snippet, `${label}: »${entry.title}«`) },
        `${lead}[${citation.n}] “${citation.snippet}”, s. ${citation.pages.join(", ")}`)
      : "";
    return element("li", { class: "timeline-entry" },
      element("span", { class: "timeline-date" }, label),
      element("span", { class: "timeline-title" }, ` »${entry.title}«`),
      source(byNumber.get(entry.citation), "", "timeline-citation"),
      source(byNumber.get(entry.detail), `${entry.detail_label}: `, "timeline-detail"));
  });
  return element("ol", { class: "timeline answer-timeline", "aria-label": "Møder, ældste først" }, ...rows);
}

function answerBubble(answer) {
  const bubble = element("li", { class: `bubble answer ${answer.answered ? "answered" : "declined"}` });
  if (answer.certainty_text) {
    bubble.append(element("p", { class: `certainty ${answer.certainty}` }, answer.certainty_text));
  }
  if (answer.timeline && answer.timeline.length) {
    bubble.append(element("p", { class: "answer-text" }, `Sagen er behandlet på ${answer.timeline.length} møder:`));
    bubble.append(timeline(answer));
    if (answer.notice) bubble.append(element("p", { class: "notice" }, answer.notice));
    return bubble;
  }
  bubble.append(element("p", { class: "answer-text" }, answer.answer));
  if (answer.notice) bubble.append(element("p", { class: "notice" }, answer.notice));
  if (answer.citations.length) {
    bubble.append(element("ol", { class: "citations", "aria-label": "Kilder" }, ...answer.citations.map(citationItem)));
  }
  if (!answer.answered && answer.maybe_relevant.length) {
    bubble.append(element("p", {}, "Måske relevant:"));
    bubble.append(element("ul", { class: "maybe" }, ...answer.maybe_relevant.map((hit) => {
      const url = `/api/documents/${hit.document_id}/pdf#page=${hit.pages[0] || 1}`;
      const label = `${describe({ ...hit, document: hit.file_name })} »${hit.title}«, s. ${hit.pages.join(", ")}`;
      return element("li", {}, element("button", { type: "button", class: "citation-link", "data-pdf-url": url,
        onclick: () => openSource(hit.document_id, hit.pages[0] || 1, "", label) }, label));
    })));
  }
  return bubble;
}

function filters() {
  const result = {};
  if ($("filter-body").value) result.body = $("filter-body").value;
  if ($("filter-from").value) result.date_from = $("filter-from").value;
  if ($("filter-to").value) result.date_to = $("filter-to").value;
  return Object.keys(result).length ? result : null;
}

async function ask(event) {
  event.preventDefault();
  const question = $("question").value.trim();
  if (!question) return;
  const messages = $("messages");
  messages.append(element("li", { class: "bubble question" }, question));
  const waiting = element("li", { class: "bubble answer", "aria-busy": "true" }, "Søger i referaterne …");
  messages.append(waiting);
  $("question").value = "";
  $("ask-button").disabled = true;
  try {
    const answer = await api("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question, filters: filters(), history: state.history.slice(-5) }),
    });
    waiting.replaceWith(answerBubble(answer));
    state.history.push(question);
  } catch (error) {
    waiting.replaceWith(element("li", { class: "bubble answer declined error" }, error.message));
  } finally {
    $("ask-button").disabled = false;
    $("question").focus();
  }
}

async function showCase(event) {
  event.preventDefault();
  const number = $("case-number").value.trim();
  const target = $("case-result");
  target.textContent = "Henter sagen …";
  try {
    const timeline = await api(`/api/cases/${encodeURIComponent(number).replace(/%2F/g, "/")}`);
    if (!timeline.items.length) {
      target.textContent = `Ingen dagsordenspunkter har sagsnummer ${timeline.case_number}.`;
      return;
    }
    target.replaceChildren(
      element("p", { class: "caption" }, `${timeline.items.length} punkter med sagsnummer ${timeline.case_number}, ældste først:`),
      element("ol", { class: "timeline", id: "case-timeline" }, ...timeline.items.map((item) => {
        const label = `${item.body} ${danishDate(item.meeting_date)}, punkt ${item.number} »${item.title}«`;
        return element("li", {},
          element("button", { type: "button", class: "citation-link", "data-pdf-url": item.pdf_url,
            onclick: () => openSource(item.document_id, item.first_page, "", label) }, label),
          element("span", { class: "decision" }, item.decision ? `Beslutning: ${item.decision}` : "Ingen beslutning i referatet."));
      })),
    );
  } catch (error) {
    target.replaceChildren(element("p", { class: "error" }, error.message));
  }
}

// A document in which no agenda items were found says so, instead of counting as one big item.
function itemsText(documentSummary) {
  if (documentSummary.reading === "none") return "ingen dagsordenspunkter fundet (søges som ét stykke tekst)";
  return `${documentSummary.items} punkter`;
}

async function loadDocuments() {
  const list = $("documents");
  try {
    const documents = await api("/api/documents");
    const bodies = [...new Set(documents.map((d) => d.body).filter(Boolean))].sort();
    const select = $("filter-body");
    select.replaceChildren(element("option", { value: "" }, "Alle udvalg"), ...bodies.map((b) => element("option", { value: b }, b)));
    list.replaceChildren(...documents.map((d) => {
      const row = element("li", {},
        element("a", { href: `/?document=${encodeURIComponent(d.id)}` }, d.title),
        ` — ${itemsText(d)}, ${d.pages} sider · `,
        element("a", { href: d.pdf_url, target: "_blank", rel: "noopener", "aria-label": `PDF: ${d.title}` }, "PDF"));
      row.title = d.reading_description ? `Læst med ${d.reading_description}` : "";
      if (state.adminKey) {
        row.append(" ", element("button", { type: "button", class: "secondary", "aria-label": `Slet ${d.file}`,
          onclick: () => removeDocument(d) }, "Slet"));
      }
      return row;
    }));
    if (!documents.length) list.replaceChildren(element("li", {}, "Ingen dokumenter er indlæst endnu."));
  } catch (error) {
    list.replaceChildren(element("li", { class: "error" }, error.message));
  }
}

function adminHeaders() {
  return { Authorization: `Bearer ${state.adminKey}` };
}

async function upload(event) {
  event.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file);
  $("admin-status").textContent = `Indlæser ${file.name} …`;
  try {
    let result = await api("/api/documents", { method: "POST", headers: adminHeaders(), body });
    // Past the server's wait (a scan read with OCR) the upload answers 202: follow its status URL.
    while (result.status_url) {
      if (result.state === "failed") throw new Error(result.error.message);
      if (result.state === "done") { result = result.result; break; }
      $("admin-status").textContent = `Indlæser ${file.name} … (OCR af scannede sider kan tage et par minutter)`;
      await new Promise((resolve) => { setTimeout(resolve, 2000); });
      result = await api(result.status_url, { headers: adminHeaders() });
    }
    const verb = { added: "indlæst", replaced: "erstattet", unchanged: "uændret (allerede indlæst)" }[result.status];
    $("admin-status").textContent = `${result.file}: ${verb}, ${itemsText(result)}.`;
    await loadDocuments();
  } catch (error) {
    $("admin-status").textContent = error.message;
  }
}

async function removeDocument(documentSummary) {
  if (!window.confirm(`Slet ${documentSummary.file} fra referat?`)) return;
  try {
    await api(`/api/documents/${documentSummary.id}`, { method: "DELETE", headers: adminHeaders() });
    $("admin-status").textContent = `${documentSummary.file} er slettet.`;
    await loadDocuments();
  } catch (error) {
    $("admin-status").textContent = error.message;
  }
}

function useAdminKey(event) {
  event.preventDefault();
  state.adminKey = $("admin-key").value.trim();
  if (state.adminKey) sessionStorage.setItem("referat-admin-key", state.adminKey);
  else sessionStorage.removeItem("referat-admin-key");
  applyAdmin();
  loadDocuments();
}

function applyAdmin() {
  $("upload-form").hidden = !state.adminKey;
  $("admin-status").textContent = state.adminKey ? "Nøglen bruges til upload og sletning i denne fane." : "";
}

// The document page (/?document=ID): the meeting's items with numbers, titles, case numbers, decisions and pages.
async function showDocument(documentId) {
  $("document-view").hidden = false;
  for (const id of ["chat-heading", "messages", "ask-form"]) $(id).hidden = true;
  try {
    const detail = await api(`/api/documents/${encodeURIComponent(documentId)}`);
    document.title = `${detail.title} – referat`;
    $("document-heading").textContent = detail.title;
    const date = detail.meeting_date ? `, ${danishDate(detail.meeting_date)}` : "";
    $("document-meta").textContent = `${detail.body || detail.file}${date} · ${detail.pages} sider · ${detail.items.length} punkter`;
    $("document-items").replaceChildren(...detail.items.map((item) => {
      const pages = item.last_page !== item.first_page ? `s. ${item.first_page}–${item.last_page}` : `s. ${item.first_page}`;
      return element("li", { class: "document-item" },
        element("h3", {}, `${item.number ? `Punkt ${item.number}: ` : ""}${item.title}`),
        element("p", { class: "caption" }, [item.kind, item.case_number ? `Sagsnr. ${item.case_number}` : ""].filter(Boolean).join(" · ")),
        element("p", { class: "decision" }, item.decision ? `Beslutning: ${item.decision}` : "Ingen beslutning i referatet."),
        element("button", { type: "button", class: "citation-link", "data-pdf-url": item.pdf_url,
          onclick: () => openSource(detail.id, item.first_page, "", `${detail.title}, punkt ${item.number}`) }, `Vis ${pages}`));
    }));
    if (!detail.items.length) $("document-items").replaceChildren(element("li", {}, "Ingen dagsordenspunkter fundet."));
  } catch (error) {
    $("document-items").replaceChildren(element("li", { class: "error" }, error.message));
  }
}

function openFromAddress() {
  const params = new URLSearchParams(window.location.search);
  if (params.get("document")) showDocument(params.get("document"));
  if (params.get("doc")) {
    openSource(params.get("doc"), Number(params.get("page")) || 1, params.get("hl") || "", "Delt kildehenvisning");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  viewer.wire();
  openFromAddress();
  $("ask-form").addEventListener("submit", ask);
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("ask-form").requestSubmit(); }
  });
  $("new-conversation").addEventListener("click", () => { state.history = []; $("messages").replaceChildren(); $("question").focus(); });
  $("case-form").addEventListener("submit", showCase);
  $("admin-key-form").addEventListener("submit", useAdminKey);
  $("upload-form").addEventListener("submit", upload);
  applyAdmin();
  loadDocuments();
});
