import {Box, Static, Text, useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import stringWidth from 'string-width';
import {toSingleLine} from '../text/strip-control.js';
import {hyperlink} from '../ui/terminal-link.js';
import {useTerminalSize} from '../ui/use-terminal-size.js';
import {BaseUriStep} from './base-uri-step.js';
import {ChecklistStep} from './checklist-step.js';
import {ClientIdStep} from './client-id-step.js';
import {SignInStep} from './sign-in-step.js';
import {StatusStep} from './status-step.js';
import {createRetryState, wizardReducer} from './step-machine.js';
import type {StepProps} from './step-props.js';
import {useSetupChecks} from './use-setup-checks.js';
import {useSignIn} from './use-sign-in.js';
import {useStatusChecks} from './use-status-checks.js';
import {outcomeOnQuit} from './wizard-outcome.js';
import {createWizardState, type WizardState, type WizardValues} from './wizard-state.js';
import type {FailureField} from '../errors.js';
import type {WizardOutcome, WizardServices} from './wizard-services.js';
import {WorkspaceStep} from './workspace-step.js';

export type WizardProps = {
  services: WizardServices;
  /** Values to start from, e.g. a saved profile or flags. */
  initial?: Partial<WizardValues>;
  defaultRedirectUri: string;
  defaultScope: string;
  /** How long step 5 waits for the browser sign-in, in milliseconds. */
  signInTimeoutMs: number;
  /** Lines shown under a field, e.g. "Type http://127.0.0.1:PORT" in demo mode. */
  hints?: Partial<Record<'workspace' | 'clientId', string>>;
  /** Whether the printed sign-in address is also an OSC 8 hyperlink. @default false */
  hyperlinks?: boolean;
  /**
   * Opens the wizard at the failing field of a saved connection instead of step 1, with the
   * instance already resolved, for "edit and retry".
   */
  retry?: {instanceUrl: string; field: FailureField};
  /** Called once with the wizard's outcome, before the wizard calls Ink's `exit()`. */
  onExit(outcome: WizardOutcome): void;
};

function initialState(props: WizardProps): WizardState {
  const {initial = {}} = props;
  const values = {
    workspace: initial.workspace ?? '',
    baseUri: initial.baseUri ?? '',
    tenant: initial.tenant ?? '',
    clientId: initial.clientId ?? '',
    redirectUri: initial.redirectUri ?? props.defaultRedirectUri,
    scope: initial.scope ?? props.defaultScope,
  };
  return props.retry ? createRetryState(values, props.retry) : createWizardState(values);
}

type PrintedUrl = {key: string; url: string};

/**
 * The interactive setup: six steps from the workspace to live status and accounts. It
 * reports its outcome through `onExit` exactly once, also when Ink exits on Ctrl+C.
 */
export function Wizard(props: WizardProps) {
  const {services, signInTimeoutMs, hints = {}, hyperlinks = false} = props;
  const [state, dispatch] = useReducer(wizardReducer, props, initialState);
  const [printed, setPrinted] = useState<PrintedUrl[]>([]);
  const {isRawModeSupported} = useStdin();
  const canRead = isRawModeSupported === true;
  const {exit} = useApp();
  const size = useTerminalSize();
  const onExitRef = useRef(props.onExit);
  onExitRef.current = props.onExit;
  const hasExitedRef = useRef(false);

  const finish = useCallback(
    (outcome: WizardOutcome) => {
      if (hasExitedRef.current) return;
      hasExitedRef.current = true;
      onExitRef.current(outcome);
      exit();
    },
    [exit],
  );

  // Ink unmounts the tree when it exits on Ctrl+C itself, before any key handler runs.
  useEffect(
    () => () => {
      if (!hasExitedRef.current) {
        hasExitedRef.current = true;
        onExitRef.current({status: 'cancelled'});
      }
    },
    [],
  );

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        finish({status: 'cancelled'});
      }
    },
    {isActive: canRead},
  );

  useSetupChecks(state, dispatch, services);
  useSignIn(state, dispatch, services, signInTimeoutMs);
  useStatusChecks(state, dispatch, services);

  // The authorisation URL is printed once above the live screen, where Ink never redraws
  // it, in a box as wide as the URL so Ink does not wrap it. A terminal that wraps the long
  // line itself still lets the person copy it whole. "Print the address again" after a
  // timeout prints it once more.
  const {signIn} = state;
  const waitingUrl = signIn.phase === 'waiting' ? signIn.authorizationUrl : null;
  const printKey = `${state.runId}-${signIn.phase === 'waiting' ? signIn.printCount : 0}`;
  useEffect(() => {
    if (waitingUrl !== null) {
      const url = toSingleLine(waitingUrl);
      setPrinted(list =>
        list.some(entry => entry.key === printKey) ? list : [...list, {key: printKey, url}],
      );
    }
  }, [waitingUrl, printKey]);

  const quit = () => {
    finish(outcomeOnQuit(state));
  };

  const stepProps: StepProps = {state, dispatch, services, canRead};
  return (
    <Box flexDirection="column">
      <Static items={printed}>
        {entry => (
          <Box key={entry.key} flexDirection="column">
            <Text>Sign-in address (open it in a browser where you can sign in to Halo):</Text>
            <Box flexShrink={0} width={Math.max(stringWidth(entry.url), 1)}>
              <Text>{hyperlinks ? hyperlink(entry.url) : entry.url}</Text>
            </Box>
          </Box>
        )}
      </Static>
      {canRead ? null : (
        <Text color="yellow">
          This terminal cannot read keys (stdin is not a TTY). Use the non-interactive setup
          command instead.
        </Text>
      )}
      {state.step === 'workspace' ? <WorkspaceStep {...stepProps} hint={hints.workspace} /> : null}
      {state.step === 'base-uri' ? <BaseUriStep {...stepProps} /> : null}
      {state.step === 'checklist' ? <ChecklistStep {...stepProps} /> : null}
      {state.step === 'client-id' ? <ClientIdStep {...stepProps} hint={hints.clientId} /> : null}
      {state.step === 'sign-in' ? (
        <SignInStep {...stepProps} timeoutMs={signInTimeoutMs} onQuit={quit} />
      ) : null}
      {state.step === 'status' ? (
        <StatusStep {...stepProps} width={size.columns} height={size.rows} onQuit={quit} />
      ) : null}
    </Box>
  );
}
