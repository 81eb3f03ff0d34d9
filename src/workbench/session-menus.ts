// The session in the toolbar and tabs: its name, the Session menu, History with Undo/Redo, the Notes tab and the sessions kept in this browser.
import { actions } from "../session/named-actions.ts";
import { disclose } from "./disclosure.ts";
import { h, replaceChildren } from "./dom.ts";
import { attachHistoryUi } from "./history-ui.ts";
import type { SessionFiles } from "./session-files.ts";
import type { SessionPage } from "./session-host.ts";
import { noteEditor, renderNotesList, renderSessionList } from "./session-panels.ts";
import { exportReport } from "./session-report.ts";
import type { ShareLinks } from "./session-share.ts";

/** Binds `page.renderPanels` and `page.closeMenu`; the controller's changes redraw the panels and schedule the autosave. */
export function attachSessionMenus(page: SessionPage, files: SessionFiles, share: ShareLinks, edit: (change: () => void) => void): void {
  const { host, controller } = page;

  const sessionInput = h("input", { type: "file", id: "session-input", hidden: true, attrs: { accept: ".json,application/json" } });
  const nameLabel = h("span", { id: "session-name", class: "session-title", title: "The open session" });
  const shareButton = h("button", { id: "session-share", on: { click: () => void copyShareLink() } }, "Copy share link");
  const sessionMenu = h(
    "div",
    { class: "menu", id: "session-menu", hidden: true, role: "group", attrs: { "aria-label": "Session" } },
    h("button", { id: "session-new", on: { click: () => void files.newSession() } }, "New session"),
    h("button", { id: "session-open", on: { click: () => sessionInput.click() } }, "Open session file…"),
    h("button", { id: "session-save", on: { click: () => void files.saveFile() } }, "Save session file"),
    h("button", { id: "session-list-open", on: { click: () => void showSessions() } }, "Sessions in this browser…"),
    shareButton,
    h("button", { id: "session-report", on: { click: () => void report() } }, "Report (HTML)"),
  );
  const menuButton = h("button", { id: "session", on: { click: () => toggleMenu() } }, "Session ▾");
  const menuWrap = h("div", { class: "menu-wrap" }, menuButton, sessionMenu);
  page.cleanups.push(disclose(menuButton, sessionMenu));
  page.closeMenu = () => {
    sessionMenu.hidden = true;
  };
  // History tab, Undo/Redo and their keys (history-ui.ts).
  const historyUi = attachHistoryUi({ controller, addTab: host.addTab, travel: (snapshot) => void (snapshot && page.showSnapshot(snapshot)) });
  page.cleanups.push(() => historyUi.kill());
  host.toolbar.prepend(nameLabel, ...historyUi.buttons, menuWrap, sessionInput);
  function toggleMenu(open = sessionMenu.hidden): void {
    sessionMenu.hidden = !open;
    if (open) {
      const problem = share.problem();
      shareButton.disabled = problem !== null;
      shareButton.title = problem ?? "Copy a link that opens this view (queries, filters, selection, camera, pinned nodes)";
    }
  }
  const onDocClick = (event: MouseEvent) => {
    if (!sessionMenu.hidden && !menuWrap.contains(event.target as Node)) sessionMenu.hidden = true;
  };
  document.addEventListener("click", onDocClick);
  page.cleanups.push(() => document.removeEventListener("click", onDocClick));
  sessionInput.addEventListener("change", () => {
    const file = sessionInput.files?.[0];
    sessionInput.value = "";
    if (file) void file.text().then((text) => files.openText(text, file.name), host.showError);
  });
  async function copyShareLink(): Promise<void> {
    page.closeMenu();
    await share.copy((link) => (shareButton.dataset.link = link));
  }
  async function report(): Promise<void> {
    page.closeMenu();
    await exportReport(page);
  }

  // The Notes tab.
  const notesList = h("ul", { id: "notes-list", class: "notes-list" });
  const sessionNoteBox = h("div", { class: "session-note" });
  host.addTab("Notes", h("div", {}, h("h3", {}, "Session note"), sessionNoteBox, h("h3", {}, "Notes on nodes and relations"), notesList));
  function renderSessionNote(): void {
    replaceChildren(
      sessionNoteBox,
      noteEditor("session-note", "Session note", controller.notes.session, (text) => edit(() => controller.act(actions.writeNote({ kind: "session" }, text))), "What is this session about? What did you find?"),
    );
  }

  page.renderPanels = (reason: string): void => {
    historyUi.render();
    renderNotesList(notesList, controller.notes, host.labelOf, host.selectNode);
    // The session note being typed is not redrawn under the cursor by its own step.
    if (reason !== "step" && reason !== "edit") renderSessionNote();
    nameLabel.textContent = page.open.name;
  };
  page.cleanups.push(
    controller.onChange((reason) => {
      host.view.setAppearance(controller.appearance);
      page.renderPanels(reason);
      page.scheduleSave();
    }),
  );

  // Sessions kept in this browser.
  const sessionsDialog = h("div", { id: "sessions", class: "dialog", hidden: true, role: "dialog", attrs: { "aria-label": "Sessions" } });
  document.body.append(sessionsDialog);
  page.cleanups.push(() => sessionsDialog.remove());
  async function showSessions(): Promise<void> {
    page.closeMenu();
    await page.flush();
    const list = h("ul", { id: "session-list", class: "session-list" });
    replaceChildren(
      sessionsDialog,
      h("h2", {}, "Sessions in this browser"),
      h("p", { class: "muted" }, "Each session is saved here as you work. Rename one by editing its name."),
      list,
      h("div", { class: "row" }, h("button", { on: { click: () => void files.newSession().then(refresh) } }, "New session"), h("button", { id: "sessions-close", on: { click: () => (sessionsDialog.hidden = true) } }, "Close")),
    );
    sessionsDialog.hidden = false;
    async function refresh(): Promise<void> {
      try {
        const sessions = await page.local.list();
        renderSessionList(list, sessions, page.open.id, {
          open: (id) =>
            void (async () => {
              const stored = await page.local.get(id);
              if (stored && (await files.openText(stored.text, `"${stored.name}"`, id))) sessionsDialog.hidden = true;
            })().catch(host.showError),
          rename: (id, name) =>
            void (async () => {
              if (id === page.open.id) {
                page.open = { ...page.open, name };
                page.renderPanels("edit");
                await page.flush();
              } else await page.local.rename(id, name);
              await refresh();
            })().catch(host.showError),
          remove: (id) =>
            void (async () => {
              await page.local.remove(id);
              if (id === page.open.id) await files.newSession();
              await refresh();
            })().catch(host.showError),
        });
      } catch (error) {
        host.showError(error);
      }
    }
    await refresh();
  }
}
