/** The page's sessionStorage, or undefined where reading it throws (sandboxed frames, storage blocked). */
export function safeSessionStorage(win: Window = window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}
