'use client';
// A minimal Radix-style Slot for `asChild`: our props merged onto the host's single child element.
// Hand-written because @radix-ui/react-slot costs 1.4 KB gzip, a sixth of the client budget.
import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefCallback,
} from 'react';

type AnyProps = Record<string, unknown>;

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (value) => refs.forEach((ref) => setRef(ref, value));
}

function mergeProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const name of Object.keys(slotProps)) {
    const ours = slotProps[name];
    const theirs = childProps[name];
    if (/^on[A-Z]/.test(name) && typeof ours === 'function' && typeof theirs === 'function') {
      // The child's own handler runs first; ours still runs (and checks defaultPrevented).
      merged[name] = (...args: unknown[]) => {
        theirs(...args);
        ours(...args);
      };
    } else if (name === 'className' && theirs) {
      merged[name] = `${String(ours)} ${String(theirs)}`;
    } else if (name === 'style' && theirs) {
      merged[name] = { ...(ours as object), ...(theirs as object) };
    }
  }
  return merged;
}

export const Slot = forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { children?: ReactNode }>(
  function Slot({ children, ...slotProps }, ref) {
    const child = Children.only(children);
    if (!isValidElement(child)) return null;
    const element = child as ReactElement<AnyProps>;
    // React 19 puts `ref` in props; React 18 keeps it on the element.
    const childRef = (element.props.ref ?? (element as unknown as { ref?: Ref<HTMLElement> }).ref) as
      Ref<HTMLElement> | undefined;
    return cloneElement(element, {
      ...mergeProps(slotProps, element.props),
      ref: composeRefs(ref, childRef),
    });
  },
);
Slot.displayName = 'Slot';
