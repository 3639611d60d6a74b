import { useCallback, useEffect, useRef, useState } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
/** Input is recorded at most this often, so moving the mouse does not re-render on every event. */
const RESOLUTION_MS = 1_000;

/**
 * When the person last used the keyboard, pointer or touch screen: the signal that someone is at
 * the workstation (background requests are not). While `paused`, passive input is ignored (the idle
 * warning asks for an explicit answer); `mark` records an explicit action.
 */
export function useLastUserInput(paused: boolean): readonly [number, () => void] {
  const [lastInput, setLastInput] = useState(() => Date.now());
  const lastRecorded = useRef(0);
  const mark = useCallback(() => {
    const now = Date.now();
    lastRecorded.current = now;
    setLastInput(now);
  }, []);
  useEffect(() => {
    if (paused) return undefined;
    const onInput = (): void => {
      if (Date.now() - lastRecorded.current >= RESOLUTION_MS) mark();
    };
    for (const name of EVENTS) window.addEventListener(name, onInput, { passive: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onInput);
    };
  }, [paused, mark]);
  return [lastInput, mark] as const;
}
