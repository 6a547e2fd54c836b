'use client';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

// Inline so it hides even when the host does not import styles.css.
const hidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Read by screen readers, not shown. */
export function VisuallyHidden(props: HTMLAttributes<HTMLSpanElement>): ReactNode {
  return <span {...props} style={{ ...hidden, ...props.style }} />;
}
