// React's act() settles Ink's frames and effects before it returns, so screen tests need no sleeps.
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

globalThis.IS_REACT_ACT_ENVIRONMENT = true;

export {};
