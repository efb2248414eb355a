import {Box, Text, useInput} from 'ink';
import stringWidth from 'string-width';
import {toSingleLine} from '../text/strip-control.js';
import {
  applicationsPath,
  checklistItems,
  openItemIndex,
  redirectItemIndex,
} from './checklist-items.js';
import {RedirectEditor} from './redirect-editor.js';
import type {StepProps} from './step-props.js';
import {toWizardError} from './to-wizard-error.js';
import {WizardFrame} from './wizard-frame.js';

const listKeys =
  '↑↓: move · Space: tick · o: open Halo · e: edit the URL · Enter: continue · Esc: back';

/** Step 3: what to set in Halo's new API application, as items the person ticks. */
export function ChecklistStep({state, dispatch, services, canRead}: StepProps) {
  const {checklist} = state;
  const applicationsUrl = `${state.instanceUrl ?? ''}${applicationsPath}`;
  const redirectUri = toSingleLine(state.values.redirectUri);
  const untickedCount = checklist.ticked.filter(isTicked => !isTicked).length;

  const openApplications = () => {
    services.openUrl(applicationsUrl).then(
      result => dispatch({type: 'checklist-browser', result}),
      (error: unknown) => {
        const reason = toWizardError(error, 'Opening the browser failed').message;
        dispatch({type: 'checklist-browser', result: {opened: false, reason}});
      },
    );
  };

  useInput(
    (input, key) => {
      if (checklist.isConfirmingSkip) {
        const answer = input.toLowerCase();
        if (answer === 'y' || answer === 'n' || key.escape) {
          dispatch({type: 'checklist-confirm-skip', isConfirmed: answer === 'y'});
        }
      } else if (key.escape) {
        dispatch({type: 'back'});
      } else if (key.upArrow || key.downArrow) {
        dispatch({type: 'checklist-move', delta: key.upArrow ? -1 : 1});
      } else if (input === ' ') {
        dispatch({type: 'checklist-toggle'});
      } else if (key.return) {
        dispatch({type: 'checklist-submit'});
      } else if (input === 'o') {
        openApplications();
      } else if (input === 'e') {
        dispatch({type: 'redirect-edit-start'});
      }
    },
    {isActive: canRead && !checklist.isEditingRedirect},
  );

  const browser = checklist.browser;
  return (
    <WizardFrame step="checklist" keys={checklist.isEditingRedirect ? 'Editing the URL' : listKeys}>
      <Text>In Halo, create the API application. Tick each item once it is done:</Text>
      {checklistItems.map((label, index) => (
        <Box key={label} flexDirection="column">
          <Text bold={index === checklist.cursor}>
            {index === checklist.cursor ? '›' : ' '} [{checklist.ticked[index] ? 'x' : ' '}]{' '}
            {label}
          </Text>
          {index === openItemIndex ? (
            <Text dimColor>
              {'      '}o opens {toSingleLine(applicationsUrl)}
              {browser?.opened === true ? ' (opened in the browser)' : ''}
            </Text>
          ) : null}
          {index === openItemIndex && browser !== null && !browser.opened ? (
            <Text color="yellow">
              {'      '}The browser did not open
              {browser.reason === null ? '' : `: ${toSingleLine(browser.reason)}`}. Open the
              address above yourself.
            </Text>
          ) : null}
          {index === redirectItemIndex ? (
            // The URL is pasted into Halo byte for byte, so Ink must not wrap or clip it: a
            // box as wide as the URL keeps it on one line. A terminal narrower than the URL
            // still wraps it visually and can leave stale lines when Ink redraws.
            <Box flexShrink={0} width={Math.max(stringWidth(redirectUri), 1)}>
              <Text>{redirectUri}</Text>
            </Box>
          ) : null}
          {index === redirectItemIndex && checklist.isEditingRedirect ? (
            <RedirectEditor
              initial={state.values.redirectUri}
              services={services}
              canRead={canRead}
              onSubmit={value => dispatch({type: 'submit-redirect-uri', redirectUri: value})}
              onCancel={() => dispatch({type: 'redirect-edit-cancel'})}
            />
          ) : null}
        </Box>
      ))}
      {checklist.isConfirmingSkip ? (
        <Text color="yellow">
          Continue with {untickedCount} {untickedCount === 1 ? 'item' : 'items'} unticked? y/n
        </Text>
      ) : null}
    </WizardFrame>
  );
}
