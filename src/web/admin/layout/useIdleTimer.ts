import { useEffect, useRef } from 'react';

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
/** Shared by the tabs of one browser, so activity in one tab keeps the others signed in. */
const STORAGE_KEY = 'jf.lastActivity';

function readShared(): number {
  try {
    return Number(localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    return 0;
  }
}

/**
 * Calls `onIdle` once no user activity was seen for `seconds` (the server's idle timeout;
 * the server enforces it anyway, this only returns the screen to the login page in time).
 */
export function useIdleTimer(seconds: number | undefined, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!seconds || seconds <= 0) return;
    let last = Date.now();
    let lastShared = 0;
    const touch = () => {
      last = Date.now();
      if (last - lastShared > 10_000) {
        lastShared = last;
        try {
          localStorage.setItem(STORAGE_KEY, String(last));
        } catch {
          // storage unavailable: this tab's own timer still works
        }
      }
    };
    touch();
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      const latest = Math.max(last, readShared());
      if (Date.now() - latest >= seconds * 1000) {
        window.clearInterval(timer);
        callback.current();
      }
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, touch);
    };
  }, [seconds]);
}
