// The toolbar's drop-down lists of buttons (Export, Session) as disclosures: the button says whether its list is open.
/**
 * Keeps the button's aria-expanded in step with the list's `hidden`, however it is opened or closed (its button, a
 * click elsewhere, Esc, a chosen entry). Why a disclosure and not an ARIA menu: the lists are plain buttons reached
 * with Tab; role="menu" promises menuitems and arrow keys they do not have (axe: aria-required-children).
 */
export function disclose(button: HTMLButtonElement, list: HTMLElement): () => void {
  button.setAttribute("aria-controls", list.id);
  const sync = () => button.setAttribute("aria-expanded", String(!list.hidden));
  sync();
  const observer = new MutationObserver(sync);
  observer.observe(list, { attributes: true, attributeFilter: ["hidden"] });
  return () => observer.disconnect();
}
