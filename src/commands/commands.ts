/* global Office */
// The manifest's FunctionFile: the ribbon button only opens the task pane, so nothing is registered here.
Office.onReady(() => undefined);
