// ink-spinner 5 types its component as returning the global `JSX.Element`, which React 19's
// types no longer declare (they moved it to `React.JSX`). This alias restores the global name
// so the library types check with skipLibCheck off.
import type {JSX as ReactJsx} from 'react';

declare global {
  namespace JSX {
    type Element = ReactJsx.Element;
  }
}
