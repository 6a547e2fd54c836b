'use client';
// A minimal Radix-style Slot for `asChild`: our props merged onto the host's single child element.
// Hand-written rather than @radix-ui/react-slot: asChild needs only this merge, and every page with a
// button would load the library's general version before the user does anything.
import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  useMemo,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefCallback,
} from 'react';
import { joinTokens } from './joinTokens';

type AnyProps = Record<string, unknown>;

/**
 * The child's ref without touching the accessor React warns about: React 18 keeps `ref` on the
 * element (`props.ref` is a warning getter in development), React 19 in props (`element.ref` warns).
 * The same reading as Radix's `getElementRef`.
 */
function getElementRef(element: ReactElement): Ref<HTMLElement> | undefined {
  const props = element.props as { ref?: Ref<HTMLElement> };
  const elementRef = (): Ref<HTMLElement> | undefined => (element as { ref?: Ref<HTMLElement> }).ref;
  if (warns(props)) return elementRef();
  if (warns(element)) return props.ref;
  return props.ref ?? elementRef();
}

/** Whether `ref` on this object is React's development getter that warns when read. */
function warns(object: object): boolean {
  const getter = Object.getOwnPropertyDescriptor(object, 'ref')?.get as
    { isReactWarning?: boolean } | undefined;
  return getter?.isReactWarning === true;
}

/** Sets one ref; returns a callback ref's cleanup function (React 19), if it gave one. */
function setRef<T>(ref: Ref<T> | undefined, value: T | null): unknown {
  if (typeof ref === 'function') return ref(value);
  if (ref) (ref as { current: T | null }).current = value;
  return undefined;
}

function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (value) => {
    const cleanups = refs.map((ref) => setRef(ref, value));
    // React 19 calls a returned cleanup instead of the ref with null: do both jobs for every ref.
    if (!cleanups.some((cleanup) => typeof cleanup === 'function')) return undefined;
    return () => {
      cleanups.forEach((cleanup, index) => {
        if (typeof cleanup === 'function') (cleanup as () => void)();
        else setRef(refs[index], null);
      });
    };
  };
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
    } else if (name === 'className') {
      merged[name] = joinTokens(ours as string, theirs as string);
    } else if (name === 'style' && theirs) {
      merged[name] = { ...(ours as object), ...(theirs as object) };
    } else if (name === 'aria-describedby') {
      // An id list, joined: the host's own description stays, and ours (the error) is linked too.
      merged[name] = joinTokens(theirs as string, ours as string);
    }
  }
  return merged;
}

export const Slot = /* @__PURE__ */ forwardRef<
  HTMLElement,
  HTMLAttributes<HTMLElement> & { children?: ReactNode }
>(function Slot({ children, ...slotProps }, ref) {
  const child = Children.only(children);
  const element = isValidElement(child) ? (child as ReactElement<AnyProps>) : null;
  const childRef = element ? getElementRef(element) : undefined;
  // Made once per pair of refs: a new callback each render would hand the host's callback ref
  // null and then the node again on every render.
  const composedRef = useMemo(() => composeRefs(ref, childRef), [ref, childRef]);
  if (!element) return null;
  return cloneElement(element, { ...mergeProps(slotProps, element.props), ref: composedRef });
});
