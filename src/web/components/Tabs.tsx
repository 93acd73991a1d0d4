// Tabs as the WAI-ARIA Authoring Practices describe them ("Tabs with Manual Activation"): a
// tablist whose tabs are reached with the arrow keys, Home and End, the selected one in the Tab
// order, and one tab panel labelled by its tab. The caller keeps the selection (in the URL).
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: {
  label: string;
  tabs: Array<{ id: T; label: string }>;
  selected: T;
  onSelect(id: T): void;
  children: ReactNode;
}) {
  const prefix = useId().replace(/[^\w-]/g, '');
  const list = useRef<HTMLDivElement>(null);
  const focusTab = (index: number) => list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[index]?.focus();
  function onKeyDown(event: KeyboardEvent) {
    const current = tabs.findIndex((tab) => `${prefix}-tab-${tab.id}` === (event.target as HTMLElement).id);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusTab((moves[event.key]! + tabs.length) % tabs.length);
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className={tab.id === selected ? 'selected' : undefined}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel`} aria-labelledby={`${prefix}-tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
