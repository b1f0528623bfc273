import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A row that scrolls sideways and shows it: the edge it can scroll towards fades out, the next
 * item peeks in, and the row itself takes keyboard focus so arrow keys scroll it (its links are
 * reached with Tab as usual and scroll into view).
 */
export function ScrollRow({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    // One pixel of slack: fractional widths never quite reach the end.
    const update = () =>
      setEdges({
        start: row.scrollLeft > 1,
        end: row.scrollLeft + row.clientWidth < row.scrollWidth - 1,
      });
    update();
    row.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(row);
    return () => {
      row.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, []);
  const scrollable = edges.start || edges.end;
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      className={`home-scroll ${className}${edges.start ? ' fade-start' : ''}${edges.end ? ' fade-end' : ''}`}
      tabIndex={scrollable ? 0 : undefined}
    >
      {children}
    </div>
  );
}
