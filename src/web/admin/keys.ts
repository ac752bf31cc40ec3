/**
 * Enter in a date picker confirms the date typed into it; it must not also submit the form around
 * it. Without this, the browser's implicit submission fires on the same keydown, before the picker
 * has handed its value to the form, and a clerk who typed a valid date is told it is required.
 * One listener on the document covers every form of the app: it runs after the picker's own key
 * handler (React listens on the root, below the document) and before the browser's default action.
 */
export function keepEnterInPickers(doc: Document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('.ant-picker') && target.closest('form')) e.preventDefault();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
